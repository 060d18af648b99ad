"""A farmer's and a project leader's walk through Tunet's pages in headless Chromium.

Run by Tests/TunetHTTPTests/BrowserWalkthroughTests.swift against a service it started on a free
loopback port. Every page is checked with axe-core for WCAG 2.0/2.1 level A and AA (any violation
fails), for reflow at a phone's width and at 200 % zoom, and photographed at desktop and phone
width. Workbooks are read with openpyxl. Exits non-zero with the reason on the first failure.
"""
import argparse
import datetime
import glob
import os
import sys
import time

import openpyxl
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Walk:
    def __init__(self, base, shots, downloads):
        self.base = base.rstrip("/")
        self.shots = shots
        self.downloads = downloads
        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
                         "--lang=nb-NO", "--disable-extensions", "--no-first-run"):
            options.add_argument(argument)
        options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False,
                                                  "intl.accept_languages": "nb-NO,nb"})
        self.driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
        self.driver.set_page_load_timeout(60)
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        self.checked = []

    def open(self, path):
        self.driver.get(self.base + path)

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def finds(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def mark_page(self):
        self.driver.execute_script("document.documentElement.setAttribute('data-walk-left', '')")

    def wait_for_next_page(self):
        """Until the marked page is replaced by a page that has finished loading."""
        def loaded(driver):
            try:
                return driver.execute_script(
                    "return document.readyState === 'complete' && !document.documentElement.hasAttribute('data-walk-left')")
            except WebDriverException:
                return False
        WebDriverWait(self.driver, 30).until(loaded)

    def navigate(self, selector):
        """Clicks what leads to another page and waits until that page has replaced this one."""
        self.mark_page()
        self.find(selector).click()
        self.wait_for_next_page()

    def text(self, selector):
        return self.find(selector).text

    def expect(self, condition, what):
        if not condition:
            raise AssertionError(f"{what} (at {self.driver.current_url})")

    def check_page(self, name):
        """axe-core at level A and AA, reflow at 320 CSS px (a phone, and 1280 px at 400 %) and 640 px (200 %), screenshots."""
        self.expect(self.find("html").get_attribute("lang") in ("nb", "en"), f"{name}: the page names its language")
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run(options={"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]})
        violations = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in results["violations"]]
        self.expect(not violations, f"{name}: axe-core found WCAG A/AA violations: {violations}")
        for label, width in (("desktop", 1280), ("phone", 390), ("zoom-200", 640), ("reflow-320", 320)):
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": label == "phone"})
            overflow = self.driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            self.expect(overflow <= 1, f"{name}: at {width} px the page scrolls sideways by {overflow} px")
            if label in ("desktop", "phone"):
                height = self.driver.execute_script("return document.documentElement.scrollHeight")
                self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                            {"width": width, "height": min(max(height, 600), 8000), "deviceScaleFactor": 1,
                                             "mobile": label == "phone"})
                self.driver.save_screenshot(os.path.join(self.shots, f"{name}-{label}.png"))
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.checked.append(name)

    def downloaded(self, pattern, before, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            fresh = [f for f in glob.glob(os.path.join(self.downloads, pattern)) if f not in before and not f.endswith(".crdownload")]
            if fresh:
                time.sleep(0.3)
                return fresh[0]
            time.sleep(0.2)
        raise AssertionError(f"nothing matching {pattern} was downloaded within {timeout} s")

    def files(self):
        return set(glob.glob(os.path.join(self.downloads, "*")))

    def sign_in_by_keyboard(self, token):
        """Tab from the top of the page to the token field, type, Enter: no mouse. Each stop shows its focus."""
        self.open("/")
        active = None
        for _ in range(12):
            ActionChains(self.driver).send_keys(Keys.TAB).perform()
            active = self.driver.switch_to.active_element
            style = self.driver.execute_script(
                "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth, s.boxShadow]", active)
            self.expect(style[0] != "none" and style[1] != "0px", f"the focused {active.tag_name} shows where focus is: {style}")
            if active.get_attribute("id") == "token":
                break
        self.expect(active is not None and active.get_attribute("id") == "token", "Tab reaches the token field")
        self.mark_page()
        ActionChains(self.driver).send_keys(token).send_keys(Keys.ENTER).perform()
        self.wait_for_next_page()

    def sign_out(self):
        self.navigate("form[action='/logg-ut'] button")
        self.expect("Du er logget ut" in self.text("main") or "You are signed out" in self.text("main"), "signing out says so")

    def missing_total(self):
        cells = self.finds("tfoot td")
        return int(cells[2].text) if len(cells) >= 3 else 0


def fill_template(path, today, broken, out):
    """Every planned day up to today present (M); `broken` breaks two rows: a status that is no code, an unknown participant."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Oppmøte"] if "Oppmøte" in workbook.sheetnames else workbook["Attendance"]
    header = [cell.value for cell in sheet[1]]
    status = header.index("Oppmøte") + 1 if "Oppmøte" in header else header.index("Attendance") + 1
    participant = 2
    day_column = 3
    filled = []
    for row in range(2, sheet.max_row + 1):
        day = sheet.cell(row, day_column).value
        if isinstance(day, datetime.datetime) and day.date() <= today:
            sheet.cell(row, status).value = "M"
            filled.append(row)
    if len(filled) < 2:
        raise AssertionError(f"the template has {len(filled)} planned days up to {today}; the walk needs two")
    if broken:
        sheet.cell(filled[0], status).value = "X"
        sheet.cell(filled[1], participant).value = "P-0000-0000"
    workbook.save(out)
    return filled[:2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--farm-token", required=True)
    parser.add_argument("--leader-token", required=True)
    parser.add_argument("--month", required=True)
    parser.add_argument("--today", required=True)
    parser.add_argument("--shots", required=True)
    parser.add_argument("--work", required=True)
    arguments = parser.parse_args()
    os.makedirs(arguments.shots, exist_ok=True)
    downloads = os.path.join(arguments.work, "downloads")
    os.makedirs(downloads, exist_ok=True)
    today = datetime.date.fromisoformat(arguments.today)
    walk = Walk(arguments.base, arguments.shots, downloads)
    try:
        # Sign-in: bokmål by default, a wrong token is refused beside its field.
        walk.open("/")
        walk.expect(walk.find("html").get_attribute("lang") == "nb", "the front page is in bokmål")
        walk.expect(walk.text("h1") == "Logg inn i Tunet", "the front page is the sign-in")
        walk.check_page("01-logg-inn")
        walk.find("#token").send_keys("tunet_" + "0" * 64)
        walk.navigate("form[action='/logg-inn'] button")
        walk.expect(walk.find("#token").get_attribute("aria-invalid") == "true", "a wrong token marks the field")
        walk.expect("ikke gyldig" in walk.text("#token-feil"), f"a wrong token is said in bokmål: {walk.text('#token-feil')}")
        walk.expect(walk.find(".error-summary a").get_attribute("href").endswith("#token"), "the summary links to the field")
        walk.check_page("02-logg-inn-feil")

        # The farm signs in with the keyboard alone.
        walk.sign_in_by_keyboard(arguments.farm_token)
        walk.expect(walk.driver.current_url.endswith("/gard"), f"a farm starts at its farm page, not {walk.driver.current_url}")
        walk.expect("P-" in walk.text("table"), "the farm sees its placements by participant code")
        walk.check_page("03-gard")

        walk.open(f"/gard/maned?maned={arguments.month}")
        missing_before = walk.missing_total()
        walk.expect(missing_before > 0, "the month has missing days before the farm reports")
        walk.check_page("04-maned")

        # The template, filled in with openpyxl, with two bad rows.
        before = walk.files()
        walk.find("a.button[href^='/gard/mal']").click()
        template = walk.downloaded("*.xlsx", before)
        broken = os.path.join(arguments.work, f"oppmote-{arguments.month}.xlsx")
        bad_rows = fill_template(template, today, True, broken)
        walk.find("#fil").send_keys(broken)
        walk.navigate("form[action='/gard/opplasting'] button[type='submit']")
        walk.expect(walk.text("h1") == "Filen ble ikke tatt imot", f"two bad rows refuse the file: {walk.text('h1')}")
        rows = [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "td")] for row in walk.finds("#feilrader tbody tr")]
        walk.expect(len(rows) == 2, f"the error table has the two bad rows: {rows}")
        walk.expect({int(row[0]) for row in rows} == set(bad_rows), f"the error table names rows {bad_rows}: {rows}")
        walk.expect(any(row[1] == "Oppmøte" and row[2] == "X" and "ikke en oppmøtekode" in row[3] for row in rows), f"the bad status is explained: {rows}")
        walk.expect(any(row[2] == "P-0000-0000" and "ukjent deltakerkode" in row[3] for row in rows), f"the unknown participant is explained: {rows}")
        walk.check_page("05-filen-avvist")

        # The error workbook: the sent sheet with a reason on each bad row.
        before = walk.files()
        walk.find("#feilfil").click()
        marked = walk.downloaded("feil-*.xlsx", before)
        sheet = openpyxl.load_workbook(marked).worksheets[0]
        reasons = {row[0].row: row[-1].value for row in sheet.iter_rows(min_row=2) if row[-1].value}
        walk.expect(set(reasons) == set(bad_rows), f"the error workbook marks rows {bad_rows}: {reasons}")

        # Nothing was stored: the month still misses the same days. Fixed, the file is taken in.
        walk.open(f"/gard/maned?maned={arguments.month}")
        walk.expect(walk.missing_total() == missing_before, "a refused file changed nothing")
        fixed = os.path.join(arguments.work, f"oppmote-{arguments.month}-rettet.xlsx")
        fill_template(template, today, False, fixed)
        walk.find("#fil").send_keys(fixed)
        walk.navigate("form[action='/gard/opplasting'] button[type='submit']")
        walk.expect(walk.text("h1") == "Oppmøtelisten er tatt imot", f"the fixed file is stored: {walk.text('h1')}")
        walk.check_page("06-filen-lagret")
        walk.navigate("main a[href^='/gard/maned']")
        walk.expect(walk.missing_total() == 0, f"every planned day up to {today} is reported now")
        walk.open("/gard")
        walk.expect(os.path.basename(fixed) in walk.text("section[aria-labelledby='innsendinger']"),
                    "the farm page lists the submission")
        walk.sign_out()

        # English on request.
        walk.open("/?lang=en")
        walk.expect(walk.find("html").get_attribute("lang") == "en" and walk.text("h1") == "Sign in to Tunet", "English on request")
        walk.check_page("07-sign-in-english")
        walk.open("/?lang=nb")

        # The project leader downloads a report and reads it with openpyxl.
        walk.sign_in_by_keyboard(arguments.leader_token)
        walk.expect(walk.driver.current_url.endswith("/leder"), f"a leader starts at the reports, not {walk.driver.current_url}")
        walk.check_page("08-rapporter")
        before = walk.files()
        walk.find("#rapport-placements ~ form button[type='submit']").click()
        report = walk.downloaded("placements*.xlsx", before)
        workbook = openpyxl.load_workbook(report)
        values = [str(cell) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
        walk.expect(any(value.startswith("P-") for value in values), "the placements report lists participant codes")
        walk.find("#placements-fra").send_keys("31.02.2026")
        walk.navigate("#rapport-placements ~ form button[type='submit']")
        walk.expect(walk.find("#placements-fra").get_attribute("aria-invalid") == "true", "a day not in the calendar marks the field")
        walk.check_page("09-rapporter-feil")
        # The API reference, written from the service's own OpenAPI document, through the menu.
        walk.navigate("nav a[href='/leder/api']")
        walk.expect(walk.text("h1") == "API-referanse", "the menu leads to the API reference")
        walk.expect("GET /v1/team/attendance" in walk.text("main"), "the reference lists the operations")
        walk.check_page("10-api-referanse")
        walk.sign_out()
    finally:
        walk.driver.quit()
    print("checked: " + ", ".join(walk.checked))


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
