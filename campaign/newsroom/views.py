"""Views outside the page tree: the embargoed preview a journalist opens from a link, and the
admin screen where editors create and revoke those links."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import embargo
from .models import EmbargoPreviewLink, PressReleasePage

PREVIEW_CACHE_CONTROL = "private, no-store"


def public_release_url(page: PressReleasePage) -> str:
    """The release's public address once anyone may read there what the link shows; empty
    before, and while editors share a newer draft of a public release through links."""
    release = PressReleasePage.objects.live().public().released().filter(pk=page.pk).first()
    if release is None or release.has_unpublished_changes:
        return ""
    return release.url


def embargo_preview(request: HttpRequest, token: str) -> HttpResponse:
    """The release's latest draft for whoever holds a valid link, marked as embargoed. Once the
    release is public the link leads there for good; a revoked link says so and names whom to
    ask."""
    link = EmbargoPreviewLink.from_signed_token(token)
    if link is None:
        raise Http404("No such preview link.")
    public_url = "" if link.is_revoked else public_release_url(link.page)
    if public_url:
        return HttpResponsePermanentRedirect(public_url)
    if not link.is_valid:
        response = TemplateResponse(
            request,
            "newsroom/embargo_preview_gone.html",
            {"link": link, "contacts": link.page.contacts.all()},
            status=410,
        )
    else:
        link.record_open()
        draft = link.page.get_latest_revision_as_object()
        context = draft.get_context(request)
        context["embargo_preview"] = link
        response = TemplateResponse(request, draft.get_template(request), context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = PREVIEW_CACHE_CONTROL
    return response


class PreviewLinkForm(forms.Form):
    expires_at = forms.DateTimeField(
        required=False,
        label="Expires at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="Eastern time. Leave empty to expire at the embargo time (or in a week).",
    )
    note = forms.CharField(
        required=False, max_length=200, help_text="Who the link is for, e.g. 'AP Hartford desk'."
    )


def get_editable_release(request: HttpRequest, page_id: int) -> PressReleasePage:
    page = get_object_or_404(PressReleasePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def preview_links(request: HttpRequest, page_id: int) -> HttpResponse:
    """List a release's preview links and create a new one."""
    page = get_editable_release(request, page_id)
    form = PreviewLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            link = embargo.create_preview_link(
                page,
                created_by=request.user,
                expires_at=form.cleaned_data["expires_at"],
                note=form.cleaned_data["note"],
            )
        except ValueError as error:
            form.add_error("expires_at", str(error))
        else:
            messages.success(request, f"Preview link created: {link.full_url}")
            return redirect("newsroom_admin:preview_links", page.pk)
    status = 400 if form.errors else 200
    return TemplateResponse(
        request,
        "newsroom/admin/preview_links.html",
        {"page": page, "form": form, "links": page.preview_links.select_related("created_by")},
        status=status,
    )


@require_POST
def revoke_preview_link(request: HttpRequest, link_id: int) -> HttpResponse:
    link = get_object_or_404(EmbargoPreviewLink, pk=link_id)
    get_editable_release(request, link.page_id)
    embargo.revoke_preview_link(link, user=request.user)
    messages.success(request, _("The preview link no longer works."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return redirect(next_url)
    return redirect("newsroom_admin:preview_links", link.page_id)
