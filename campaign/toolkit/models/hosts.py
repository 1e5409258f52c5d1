"""Web sites the officer does not want the campaign's assets on."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..hosts import normalise_host


class BlockedHostQuerySet(models.QuerySet):
    def is_blocked(self, host: str) -> bool:
        """True for a blocked host name or a subdomain of one."""
        if not host:
            return False
        labels = host.split(".")
        candidates = {".".join(labels[i:]) for i in range(len(labels))}
        return self.filter(host__in=candidates).exists()


class BlockedHost(index.Indexed, models.Model):
    """A site whose embeds show the neutral campaign card with the hotline instead of the asset."""

    host = models.CharField(
        _("host name"),
        max_length=253,
        unique=True,
        help_text=_(
            "The site's host name, e.g. 'bad.example.com'. Its subdomains are blocked too. "
            "Embeds there show a neutral campaign card with the hotline and are counted as blocked."
        ),
    )
    reason = models.CharField(
        max_length=300, blank=True, help_text=_("Why the site is blocked, for other officers.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BlockedHostQuerySet.as_manager()

    panels = [FieldPanel("host"), FieldPanel("reason")]
    search_fields = [index.SearchField("host"), index.AutocompleteField("host")]

    class Meta:
        ordering = ["host"]
        verbose_name = _("blocked host")

    def __str__(self) -> str:
        return self.host

    def clean(self):
        super().clean()
        host = normalise_host(self.host)
        if not host:
            raise ValidationError({"host": _("Write a host name such as 'bad.example.com'.")})
        self.host = host
