"""What the browser tests share: colour schemes, viewports, Chromium flags, a fresh page."""

# Two colour schemes (Material's default and slate) and two viewports, as the issue asks.
SCHEMES = {"light": "default", "dark": "slate"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
# Flags for a closed network: no background calls home, no component updates.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def new_page(browser, scheme="light", viewport="desktop"):
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])
    return context, context.new_page()
