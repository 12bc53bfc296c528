package org.raresearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.raresearch.server.RawHttp.encode;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.raresearch.RareSearch;
import org.raresearch.testing.BundledIndex;

/**
 * The search page in a real browser: the system's headless Chromium, driven by Selenium through
 * the system's chromedriver (so nothing is downloaded). Skipped, saying so, where they are not
 * installed; {@code .ci/run} installs them.
 */
class SearchPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String SYMPTOMS = "heliotrope rash, proximal muscle weakness";

  private static RareSearch rare;
  private static RareSearchServer server;
  private static RareSearchServer guarded;
  private static final String TOKEN = "page-token-0123456789abcdef";
  private static ChromeDriver browser;
  private static WebDriverWait wait;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "skipped: the page tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
            + "); install them with `apt-get install chromium chromium-driver`");
    rare = RareSearch.builder(BundledIndex.path()).readOnly().searchTimeout(Duration.ofMinutes(1)).open();
    server = RareSearchServer.builder(rare).port(0).start();
    guarded = RareSearchServer.builder(rare).port(0).token(TOKEN).start();
    profile = Files.createTempDirectory("raresearch-chromium");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,1000",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (guarded != null) {
      guarded.close();
    }
    if (server != null) {
      server.close();
      rare.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Every test: the page logged no error (a refused script or style, a failed request, an exception). */
  @AfterEach
  void noErrorsInTheConsole() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      boolean expected = entry.getMessage().contains("/api/reports/no-such-report")
          || (entry.getMessage().contains(":" + guarded.port() + "/api/") && entry.getMessage().contains("401"));
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected) {
        errors.add(entry.getMessage());
      }
    }
    assertEquals(List.of(), errors);
  }

  private static String page(String query) {
    return server.uri() + (query == null ? "" : "?q=" + encode(query));
  }

  private static List<String> resultIds() {
    return browser.findElements(By.cssSelector("#results > li")).stream().map(li -> li.getDomAttribute("data-id")).toList();
  }

  private static void awaitResults() {
    wait.until(d -> !d.findElements(By.cssSelector("#results > li")).isEmpty()
        && d.findElement(By.id("status")).getText().contains("matching diseases"));
  }

  @Test
  void aQueryInTheAddress_showsTheApisRanking_withPassagesAndFindings() throws Exception {
    browser.get(page(SYMPTOMS));
    awaitResults();
    JsonNode api = RawHttp.get(server.port(), "/api/search?q=" + encode(SYMPTOMS) + "&limit=10").json();
    List<String> expected = new ArrayList<>();
    api.get("hits").forEach(hit -> expected.add(hit.get("id").asText()));
    assertEquals(expected, resultIds());
    assertEquals("dermatomyositis", expected.getFirst());
    assertEquals(SYMPTOMS, browser.findElement(By.id("q")).getDomProperty("value"));
    assertTrue(browser.findElement(By.id("status")).getText().contains("of " + api.get("totalMatches").asInt()));

    List<WebElement> items = browser.findElements(By.cssSelector("#results > li"));
    for (int i = 0; i < items.size(); i++) {
      WebElement item = items.get(i);
      JsonNode hit = api.get("hits").get(i);
      assertEquals(hit.get("title").asText(), item.findElement(By.cssSelector("a.title")).getText());
      assertTrue(item.findElement(By.cssSelector(".meta")).getText().startsWith("Matched in " + hit.get("matchedSections").get(0).asText()));
      // Recognised findings are shown when the API gives them, and only then.
      JsonNode findings = hit.get("phenotypeMatches");
      int shown = item.findElements(By.cssSelector(".findings > li")).size();
      assertEquals(findings != null && findings.isArray() ? findings.size() : 0, shown, hit.get("id").asText());
      // Every marked stretch is one of the API's highlights.
      List<String> highlighted = new ArrayList<>();
      for (JsonNode snippet : hit.get("snippets")) {
        String text = snippet.get("text").asText();
        snippet.get("highlights").forEach(span -> highlighted.add(text.substring(span.get(0).asInt(), span.get(1).asInt())));
      }
      List<String> marked = item.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
      assertEquals(highlighted, marked, hit.get("id").asText());
    }
    assertFalse(browser.findElement(By.cssSelector("#results > li mark")).getText().isEmpty());

    Path screenshot = Path.of("target", "raresearch-server", "screenshots", "search-page.png");
    Files.createDirectories(screenshot.getParent());
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    assertEquals(0x89504E47, java.nio.ByteBuffer.wrap(png).getInt(), "a PNG");
    Files.write(screenshot, png);
  }

  @Test
  void aServerWithAToken_asksForItOnce_refusesAWrongOne_andKeepsItForTheTab() {
    browser.get(guarded.uri() + "?q=" + encode(SYMPTOMS));
    WebElement tokenBox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    assertEquals("token", browser.switchTo().activeElement().getDomAttribute("id"));
    assertTrue(browser.findElement(By.id("results")).findElements(By.tagName("li")).isEmpty());

    tokenBox.sendKeys("not-the-token-0000000000", Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-message"), "refused"));
    assertTrue(browser.findElement(By.id("token-form")).isDisplayed());

    browser.findElement(By.id("token")).sendKeys(TOKEN, Keys.ENTER);
    awaitResults();
    assertEquals("dermatomyositis", resultIds().getFirst());
    assertFalse(browser.findElement(By.id("token-form")).isDisplayed());
    assertEquals(TOKEN, ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('raresearch-token')"));

    // Another search in the same tab, even after a reload, is not asked again.
    browser.get(guarded.uri() + "?q=IIM");
    awaitResults();
    assertEquals(List.of("dermatomyositis", "polymyositis"), resultIds().subList(0, 2));
    assertFalse(browser.findElement(By.id("token-form")).isDisplayed());
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
  }

  @Test
  void typingOffersSuggestions_pickedWithTheKeyboard() {
    browser.get(page(null));
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("dermato");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions > li")));
    assertEquals("true", box.getDomAttribute("aria-expanded"));
    box.sendKeys(Keys.ARROW_DOWN);
    WebElement first = browser.findElement(By.id("suggestion-0"));
    assertEquals("suggestion-0", box.getDomAttribute("aria-activedescendant"));
    assertEquals("true", first.getDomAttribute("aria-selected"));
    assertEquals("option", first.getDomAttribute("role"));
    assertTrue(first.getText().startsWith("Dermatomyositis"), first.getText());
    box.sendKeys(Keys.ENTER);

    wait.until(ExpectedConditions.urlContains("q=Dermatomyositis"));
    awaitResults();
    assertEquals("Dermatomyositis", box.getDomProperty("value"));
    assertEquals("dermatomyositis", resultIds().getFirst());
    assertTrue(browser.findElement(By.cssSelector("#results > li .badge")).getText().startsWith("name match"));
    assertEquals("false", box.getDomAttribute("aria-expanded"));
  }

  @Test
  void escapeClosesTheSuggestions_andKeepsTheText() {
    browser.get(page(null));
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("myasth");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions > li")));
    box.sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
    assertEquals("false", box.getDomAttribute("aria-expanded"));
    assertEquals("myasth", box.getDomProperty("value"));
  }

  @Test
  void aReportOpensInOneClick_andBackReturnsToTheResults() {
    browser.get(page(SYMPTOMS));
    awaitResults();
    List<String> ranking = resultIds();
    browser.findElement(By.cssSelector("#results > li a.title")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
    wait.until(ExpectedConditions.textToBe(By.id("report-title"), "Dermatomyositis"));
    assertTrue(browser.getCurrentUrl().contains("report=dermatomyositis"), browser.getCurrentUrl());
    List<String> headings = browser.findElements(By.cssSelector("#report-body h3")).stream().map(WebElement::getText).toList();
    assertTrue(headings.contains("Signs & Symptoms"), headings.toString());
    assertEquals("report-title", browser.switchTo().activeElement().getDomAttribute("id"));
    assertFalse(browser.findElement(By.id("results-region")).isDisplayed());

    browser.navigate().back();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("report")));
    awaitResults();
    assertFalse(browser.getCurrentUrl().contains("report="), browser.getCurrentUrl());
    assertEquals(ranking, resultIds());

    browser.navigate().forward();
    wait.until(ExpectedConditions.textToBe(By.id("report-title"), "Dermatomyositis"));
  }

  @Test
  void aNameThatResolves_showsItsDiseaseFirst() {
    browser.get(page("dermatomyocitis"));
    awaitResults();
    assertEquals("dermatomyositis", resultIds().getFirst());
    assertTrue(browser.findElement(By.id("status")).getText().contains("names Dermatomyositis"));

    browser.get(page("IIM"));
    awaitResults();
    assertEquals(List.of("dermatomyositis", "polymyositis"), resultIds().subList(0, 2));
    assertEquals(2, browser.findElements(By.cssSelector("#results > li .badge")).size());
  }

  @Test
  void anUnknownReport_saysSo() {
    browser.get(server.uri() + "?report=no-such-report");
    wait.until(ExpectedConditions.textToBe(By.id("report-title"), "No such report"));
    assertTrue(browser.findElement(By.id("status")).getText().contains("no-such-report"));
  }

  @Test
  void onAPhoneWideScreen_nothingScrollsSideways() {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(page(SYMPTOMS));
      awaitResults();
      Object overflow = ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertEquals(0L, ((Number) overflow).longValue());
      assertTrue(browser.findElement(By.id("search-button")).isDisplayed());
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1000));
    }
  }
}
