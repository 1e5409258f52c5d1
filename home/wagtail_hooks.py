from wagtail import hooks

from .seed import seed_goals, seed_home

hooks.register("register_campaign_seed", fn=seed_home, order=0)
hooks.register("register_campaign_seed", fn=seed_goals, order=100)
