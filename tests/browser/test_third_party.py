"""Every page a browser loads — public, member or Wagtail admin — fetches only from the site
itself and runs under the Content-Security-Policy without a single violation."""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

# Reported from every frame (the admin's preview is an iframe) through an exposed binding.
VIOLATION_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    const blocked = event.blockedURI || "inline";
    window.reportCspViolation(`${event.effectiveDirective}: ${blocked} in ${event.documentURI}`);
});
"""


@dataclass
class Recording:
    requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def foreign_requests(self, origin: str) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith(("data:", "blob:", "about:"))
            and "{0.scheme}://{0.netloc}".format(urlsplit(url)) != origin
        ]


def record(page) -> Recording:
    recording = Recording()
    page.on("request", lambda request: recording.requests.append(request.url))
    page.on(
        "console",
        lambda message: message.type == "error" and recording.console_errors.append(message.text),
    )
    page.context.expose_binding(
        "reportCspViolation", lambda source, text: recording.violations.append(text)
    )
    page.context.add_init_script(VIOLATION_LISTENER)
    return recording


def visit(page, path: str) -> dict[str, str]:
    """Open ``path`` and return its Content-Security-Policy, directive by directive."""
    response = page.goto(path)
    assert response.status == 200, f"{path}: {response.status}"
    page.wait_for_load_state("load")
    policy = response.headers.get("content-security-policy", "")
    return dict(
        directive.strip().split(" ", 1) for directive in policy.split(";") if directive.strip()
    )


def assert_clean(recording: Recording, origin: str) -> None:
    assert recording.requests, "nothing was recorded"
    assert recording.foreign_requests(origin) == []
    assert recording.violations == []
    policy_errors = [
        text
        for text in recording.console_errors
        if "Content Security Policy" in text or "Permissions-Policy" in text
    ]
    assert policy_errors == []


def test_public_and_member_pages_request_only_the_site(page, open_as, live_server, demo_site):
    recording = record(page)

    policies = [
        visit(page, path)
        for path in ["/", "/praxisbeispiele/", "/suche/?q=Sucht", "/konto/anmelden/"]
    ]
    anna = open_as("anna.berger")
    member_recording = record(anna)
    policies.append(visit(anna, "/forum/"))

    assert {policy.get("script-src") for policy in policies} == {"'self'"}
    assert_clean(recording, live_server.url)
    assert_clean(member_recording, live_server.url)


@pytest.mark.parametrize("username", ["admin", "redaktion"])
def test_admin_editor_preview_and_user_bar_run_under_the_policy(
    open_as, live_server, demo_site, username
):
    from practices.models import PracticePage

    practice = PracticePage.objects.live().order_by("path").first()
    page = open_as(username, admin=True)
    recording = record(page)

    visit(page, "/admin/")
    editor_policy = visit(page, f"/admin/pages/{practice.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    # The preview renders the whole page, related practices by meaning included.
    expect(preview.locator("h1")).to_contain_text(practice.title, timeout=20_000)
    # On the site itself, under the site's strict policy, editors get Wagtail's user bar.
    site_policy = visit(page, practice.url)
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    expect(page.locator("wagtail-userbar").get_by_role("menu")).to_be_visible()

    assert editor_policy["script-src"] == "'self' 'unsafe-inline'"
    assert site_policy["script-src"] == "'self'"
    assert_clean(recording, live_server.url)
    assert any(re.search(r"/edit/preview/", url) for url in recording.requests)
