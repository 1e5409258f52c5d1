import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings.dev")

django_application = get_wsgi_application()

# Models load only once Django is set up, just above.
from campaign.toolkit.beacon import BeaconMiddleware  # noqa: E402

# The toolkit's impression beacon is answered before Django's middleware (its hot path).
application = BeaconMiddleware(django_application)
