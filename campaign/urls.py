from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaign.alerts import webhooks as alerts_webhooks
from campaign.api import api_router
from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", home_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
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

# Media alerts (campaign.alerts): unsubscribe links and provider tracking webhooks. The two
# tracking views answer malformed bodies with a 400; anymail.urls serves the rest.
urlpatterns += [
    path("alerts/", include("campaign.alerts.urls")),
    path(
        "anymail/mailgun/tracking/",
        alerts_webhooks.MailgunTrackingView.as_view(),
        name="alerts_mailgun_tracking",
    ),
    path(
        "anymail/postmark/tracking/",
        alerts_webhooks.PostmarkTrackingView.as_view(),
        name="alerts_postmark_tracking",
    ),
    path("anymail/", include("anymail.urls")),
]

# Campaign toolkit (campaign.toolkit): embeds, embed.js, oEmbed, counted click-throughs, downloads.
urlpatterns += [path("", include("campaign.toolkit.urls"))]

# Newsroom (campaign.newsroom): embargoed preview links.
urlpatterns += [path("press-preview/", include("campaign.newsroom.urls"))]

# Syndication API (campaign/api.py): pages, assets and facts; live, public and released only.
urlpatterns += [path("api/v2/", api_router.urls)]

# Wagtail serves every other URL from the page tree; this must stay last.
urlpatterns += [path("", include(wagtail_urls))]

handler500 = "home.views.server_error"
