"""Load the demo data of every app (idempotent: a second run changes nothing).

Each app may have a `demo` module with `load(stdout)`; they run in INSTALLED_APPS order, so
`community` (organisations, people) comes before the apps that build on it. The command
names no app: it discovers them.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from community.demo import DEMO_LOGINS, DEMO_PASSWORD
from community.demo.mfa import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Load demo organisations, people and content for a local run."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if config.name.split(".")[0] not in {"community", "portfolios", "courses"}:
                continue
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded. Demo logins (password: {DEMO_PASSWORD}):"))
        for email, description in DEMO_LOGINS:
            self.stdout.write(f"  {email:<28} {description}")
        self.stdout.write(
            f"hr@ and hub@ use two-step login: add the TOTP secret {DEMO_TOTP_SECRET} to an authenticator"
            " app (or compute the code with `oathtool --totp -b` + the secret)."
        )
