from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaign.alerts import webhooks as alerts_webhooks
from campaign.alerts.providers import PROVIDERS
from campaign.api import api_router
from campaign.core.sitemaps import CampaignSitemap
from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": CampaignSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Media alerts (campaign.alerts): unsubscribe links, and the tracking webhook of the provider
# ANYMAIL_ESP names (campaign/alerts/providers.py). Other registered providers' URLs answer 404
# (tests switch providers at run time); Anymail's other webhooks are not mounted at all.
urlpatterns += [
    path("alerts/", include("campaign.alerts.urls")),
    *(
        path(
            provider.webhook_path,
            alerts_webhooks.tracking_webhook,
            {"provider": name},
            name=f"alerts_{name}_tracking",
        )
        for name, provider in PROVIDERS.items()
    ),
]

# Campaign toolkit (campaign.toolkit): embeds, embed.js, oEmbed, counted click-throughs, downloads.
urlpatterns += [path("", include("campaign.toolkit.urls"))]

# Newsroom (campaign.newsroom): embargoed preview links.
urlpatterns += [path("press-preview/", include("campaign.newsroom.urls"))]

# Syndication API (campaign/api.py): pages, assets and facts; live, public and released only.
urlpatterns += [path("api/v2/", api_router.urls)]

# Visitors' pages in both languages: English unprefixed (every existing link keeps working),
# Spanish under /es/. Wagtail serves every other URL from the page tree; this must stay last.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "home.views.server_error"
