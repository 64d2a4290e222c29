"""JupyterHub for a Wijkleren class on one server: a trainer and learners, each in their own JupyterLab.

Start it with ``sudo .venv/bin/python -m wijkleren.klasserver.hub start`` (or ``make klas-server``): that
command makes the accounts, the exchange and the settings, writes ``klas.json`` in the class
folder, and starts ``jupyterhub -f hub/jupyterhub_config.py`` with ``WIJKLEREN_KLASMAP`` set.
This file only turns that class description into JupyterHub settings.

- Who: the server's own Linux accounts, checked with PAM; only the class's accounts get in.
- What: every user gets JupyterLab (in Dutch) from the course environment, as their own Linux
  user (LocalProcessSpawner), with the settings of their role (trainer or learner).
- Where: the public address of the class (127.0.0.1 for a trial); the hub and the proxy's
  API listen on 127.0.0.1 only.
"""

import os

from wijkleren.klasserver.klas import HUB_TEMPLATES, STANDAARD_MAP, Klas

c = get_config()  # noqa: F821 (JupyterHub provides get_config)
klas = Klas.lees(os.environ.get("WIJKLEREN_KLASMAP", str(STANDAARD_MAP)))

# Where ---------------------------------------------------------------------------------------
c.JupyterHub.bind_url = klas.bind_url
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{klas.hub_poort}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{klas.api_poort}"
c.ConfigurableHTTPProxy.command = [klas.proxy]
c.ConfigurableHTTPProxy.pid_file = str(klas.hubmap / "proxy.pid")
if klas.certificaat:
    c.JupyterHub.ssl_cert = klas.certificaat
    c.JupyterHub.ssl_key = klas.sleutel
c.JupyterHub.db_url = f"sqlite:///{klas.hubmap / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(klas.hubmap / "jupyterhub_cookie_secret")
c.JupyterHub.template_paths = [str(klas.bronmap / HUB_TEMPLATES)]  # a Dutch login page
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every user's server

# Who -----------------------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set(klas.gebruikers())
c.Authenticator.admin_users = set()  # the trainer needs no power over the learners' servers
# The management service of `python -m wijkleren.klasserver.hub` (and of the tests): a token only root reads.
c.JupyterHub.services = [{"name": "wijkleren-beheer", "api_token": klas.beheer_token()}]
c.JupyterHub.load_roles = [
    {
        "name": "wijkleren-beheer",
        "scopes": ["list:users", "read:users", "read:servers", "admin:servers"],
        "services": ["wijkleren-beheer"],
    }
]

# What ----------------------------------------------------------------------------------------
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [klas.python, "-m", "jupyterhub.singleuser"]
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# PATH, LD_LIBRARY_PATH (a copied Python) and the settings of the user's role; the JupyterLab
# language (nl_NL) comes from the environment's overrides.json, written by `make install`.
c.Spawner.environment = {
    name: (lambda spawner, name=name: klas.omgevingsvariabelen(spawner.user.name)[name])
    for name in klas.omgevingsvariabelen(klas.trainer)
}
