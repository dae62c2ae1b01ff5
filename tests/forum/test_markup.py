"""The sanitiser against filter-evasion payloads (OWASP cheat sheet style); Markdown features."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from forum.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, quote_markdown, render_markdown

from .helpers import create_topic

XSS_PAYLOADS = [
    # script tags, plain and disguised
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<script/xss src="https://xss.example/xss.js"></script>',
    "<<script>alert(1);//<</script>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "\x3cscript\x3ealert(1)\x3c/script\x3e",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    # event handlers
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">hover</div>',
    "<a href=# onclick=alert(1)>klick</a>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)">',
    # javascript:, vbscript: and data: URLs, plain and obfuscated
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="jav&#x0D;ascript:alert(1)">x</a>',
    '<a href=" &#14;  javascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=`javascript:alert(1)`>",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    # SVG and MathML
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # frames, objects, styles, meta, base
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<div style="background-image: url(javascript:alert(1))">x</div>',
    '<p style="width: expression(alert(1))">x</p>',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    # comments and broken markup
    "<!--<img src=x onerror=alert(1)>-->",
    '<img """><script>alert(1)</script>">',
    '<a href="https://ok.example" title="x" onmouseover=\'alert(1)\'>ok</a>',
    # Markdown link and image tricks
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](  javascript:alert(1)  )",
    "[x](<javascript:alert(1)>)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    '[x](https://ok.example "title" onclick="alert(1)")',
    "![x](javascript:alert(1))",
    '![x](x" onerror="alert(1))',
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "![x][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "[<img src=x onerror=alert(1)>](https://ok.example)",
    "**<script>alert(1)</script>**",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "> <script>alert(1)</script>",
    "# <img src=x onerror=alert(1)>",
]

SAFE_SCHEMES = ("http:", "https:", "mailto:")
FORBIDDEN_TAGS = {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "link"}


class ExecutableFinder(HTMLParser):
    """Collects everything in a fragment that a browser could run or that escapes the allow-list."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS or tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
            if name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src") and value is not None:
                # Browsers drop ASCII whitespace and control characters inside a scheme.
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                if ":" in squeezed.split("/")[0] and not squeezed.startswith(SAFE_SCHEMES):
                    self.problems.append(f"url {value!r}")
        if tag == "a" and dict(attrs).get("rel") != "nofollow ugc noopener":
            self.problems.append("link without rel")

    handle_startendtag = handle_starttag


def executable_parts(html: str) -> list[str]:
    finder = ExecutableFinder()
    finder.feed(html)
    finder.close()
    return finder.problems


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_renders_without_anything_executable(payload):
    html = render_markdown(payload)

    assert executable_parts(html) == []
    assert "<script" not in html.lower()


def test_checker_notices_executable_markup():
    # The checker must not pass everything: feed it what the sanitiser should remove.
    found = executable_parts(
        '<a href="jav&#x09;ascript:alert(1)">x</a><img src=x onerror=alert(1)><svg></svg>'
    )

    assert len(found) >= 4


def test_raw_html_is_shown_as_text():
    html = render_markdown('Bitte <b>nicht</b> <img src="x" onerror="alert(1)">')

    assert html == ('<p>Bitte &lt;b&gt;nicht&lt;/b&gt; &lt;img src="x" onerror="alert(1)"&gt;</p>')


def test_links_get_nofollow_ugc_noopener():
    html = render_markdown(
        "Siehe [Handlungshilfe](https://www.example.org/hilfe) und <https://example.org>"
    )

    assert html.count('rel="nofollow ugc noopener"') == 2
    assert 'href="https://www.example.org/hilfe"' in html


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**fett** und *kursiv*", "<p><strong>fett</strong> und <em>kursiv</em></p>"),
        ("- eins\n- zwei", "<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>"),
        ("1. eins\n2. zwei", "<ol>\n<li>eins</li>\n<li>zwei</li>\n</ol>"),
        ("```\nif a < b:\n    pass\n```", "<pre><code>if a &lt; b:\n    pass\n</code></pre>"),
        ("Inline `code` hier", "<p>Inline <code>code</code> hier</p>"),
        ("> zitiert", "<blockquote>\n<p>zitiert</p>\n</blockquote>"),
        ("# Überschrift", "<h3>Überschrift</h3>"),
        ("Zeile eins\nZeile zwei", "<p>Zeile eins<br>\nZeile zwei</p>"),
    ],
)
def test_markdown_features(markdown, expected):
    assert render_markdown(markdown) == expected


def test_quote_carries_the_author_and_every_line():
    quoted = quote_markdown(author_name="Anna *Berger*", body="Erste Zeile\n\nZweite Zeile")

    assert quoted == "> **Anna \\*Berger\\*** schrieb:\n> Erste Zeile\n>\n> Zweite Zeile\n\n"
    assert render_markdown(quoted).startswith(
        "<blockquote>\n<p><strong>Anna *Berger*</strong> schrieb:"
    )


def test_payload_posted_through_the_site_is_stored_and_shown_harmless(client, forum):
    topic = create_topic(forum.open, forum.staff)
    client.force_login(forum.regional)
    payload = "<img src=x onerror=alert(1)> [klick](javascript:alert(1)) <svg onload=alert(1)>"

    client.post(reverse("forum:reply", args=[topic.pk]), {"body": payload})
    page = client.get(topic.get_absolute_url(), {"seite": 1}).content.decode()

    post = topic.posts.get(number=2)
    assert post.body == payload
    assert executable_parts(post.body_html) == []
    assert "onerror=alert" not in page.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert 'href="javascript' not in page
    assert "<svg" not in page


def test_preview_endpoint_sanitises_too(client, forum):
    client.force_login(forum.staff)

    response = client.post(reverse("forum:preview"), {"body": "[x](javascript:alert(1)) **ok**"})

    assert response.status_code == 200
    assert executable_parts(response.content.decode()) == []
    assert "<strong>ok</strong>" in response.content.decode()
