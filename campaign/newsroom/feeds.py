"""RSS 2.0 and Atom feeds of the newsroom's released press releases."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 20


class RssReleaseFeed(Feed):
    """The newsroom's releases as RSS 2.0, newest first; embargoed releases never appear."""

    feed_type = Rss201rev2Feed

    def __init__(self, newsroom):
        super().__init__()
        self.newsroom = newsroom

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return f"{self.newsroom.title}: End Demand CT press releases"

    def link(self) -> str:
        return self.newsroom.get_full_url(self.request)

    def feed_url(self) -> str:
        return self.request.build_absolute_uri(self.request.path)

    def description(self) -> str:
        return self.newsroom.intro or (
            "Press releases of the Connecticut Trafficking in Persons Council's End Demand "
            "campaign."
        )

    def author_name(self) -> str:
        return "Connecticut Trafficking in Persons Council"

    def items(self):
        return self.newsroom.releases().prefetch_related("topics")[:FEED_LENGTH]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary_text

    def item_link(self, item) -> str:
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.release_at

    def item_updateddate(self, item):
        return item.last_published_at or item.release_at

    def item_categories(self, item) -> list[str]:
        return [topic.name for topic in item.topics.all()]


class AtomReleaseFeed(RssReleaseFeed):
    """The same releases as Atom 1.0."""

    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
