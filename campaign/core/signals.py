"""Signals that apps send without importing each other.

`offsite_event` reports something that happened away from the site's pages (an embed shown on a
partner's page, a click on a partner site). The engagement app listens and forwards it to the
analytics service in the background; the sender never waits and never learns whether it worked.

    offsite_event.send(sender=MyModel, name="Embed impression", url=page_url, props={"asset": slug})

`name` is the event's name, `url` the page it belongs to, `props` string keys and values with no
personal data.
"""

from django.dispatch import Signal

offsite_event = Signal()
