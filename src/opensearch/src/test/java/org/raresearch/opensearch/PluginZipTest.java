package org.raresearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.Version;
import org.opensearch.common.bootstrap.JarHell;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.plugins.PluginsService;

/**
 * The plugin zip the build makes, checked as OpenSearch's installer checks it: its descriptor read
 * by OpenSearch's own reader, the versions it names accepted by this OpenSearch, and its jars free
 * of classes OpenSearch already has.
 */
class PluginZipTest {
  private static Path zip;

  @TempDir static Path unpacked;

  @BeforeAll
  static void unpack() throws IOException {
    String property = System.getProperty("raresearch.plugin.zip");
    if (property == null) {
      fail("the build names the plugin zip in the system property raresearch.plugin.zip; run the tests with ./mvnw test");
    }
    zip = Path.of(property);
    assertTrue(Files.isRegularFile(zip), "the build made no plugin zip at " + zip);
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : file.stream().toList()) {
        Path target = unpacked.resolve(entry.getName()).normalize();
        assertTrue(target.startsWith(unpacked), "entry outside the zip's folder: " + entry.getName());
        if (!entry.isDirectory()) {
          Files.createDirectories(target.getParent());
          try (var in = file.getInputStream(entry)) {
            Files.copy(in, target);
          }
        }
      }
    }
  }

  @Test
  void descriptorNamesThePluginClassAndThisOpenSearch() throws IOException {
    PluginInfo info = PluginInfo.readFromProperties(unpacked);
    assertEquals("raresearch", info.getName());
    assertEquals(RareSearchPlugin.class.getName(), info.getClassname());
    assertEquals("21", info.getJavaVersion());
    assertTrue(PluginsService.isPluginVersionCompatible(info, Version.CURRENT),
        "the descriptor names OpenSearch " + info.getOpenSearchVersionRangesString() + ", this is " + Version.CURRENT);
    assertEquals("3.9.0", Version.CURRENT.toString());
    PluginsService.verifyCompatibility(info);
  }

  @Test
  void holdsThePluginTheLibraryAndTheirDependenciesButNotOpenSearchsOwn() throws IOException {
    List<String> names = new ArrayList<>();
    try (var files = Files.list(unpacked)) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    }
    assertTrue(names.contains("plugin-descriptor.properties"), names.toString());
    String version = PluginInfo.readFromProperties(unpacked).getVersion();
    assertTrue(contains(unpacked.resolve("raresearch-opensearch-" + version + ".jar"), RareSearchPlugin.class), names.toString());
    assertTrue(contains(unpacked.resolve("raresearch-" + version + ".jar"), org.raresearch.RareSearch.class), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.startsWith("jackson-databind-")), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.startsWith("commons-compress-")), names.toString());
    assertFalse(names.stream().anyMatch(n -> n.startsWith("lucene-") || n.startsWith("opensearch-")), names.toString());
    for (String name : names) {
      assertTrue(name.endsWith(".jar") || name.equals("plugin-descriptor.properties"), "unexpected file in the zip: " + name);
    }
  }

  @Test
  void passesTheInstallersJarHellCheckAgainstOpenSearchsClasspath() throws Exception {
    // OpenSearch's own jars and Lucene's, as a node's lib/ folder holds them.
    Set<URL> openSearch = new LinkedHashSet<>();
    for (URL url : JarHell.parseClassPath()) {
      String path = url.getPath();
      if ((path.contains("/org/opensearch/") || path.contains("/org/apache/lucene/")) && !path.contains("/test/")) {
        openSearch.add(url);
      }
    }
    assertTrue(openSearch.stream().anyMatch(url -> url.getPath().contains("lucene-core")), openSearch.toString());
    Path plugins = Files.createDirectories(unpacked.getParent().resolve("plugins"));
    Path modules = Files.createDirectories(unpacked.getParent().resolve("modules"));
    PluginInfo info = PluginInfo.readFromProperties(unpacked);
    PluginsService.checkJarHellForPlugin(openSearch, info, unpacked, plugins, modules);
    // And the jars of the zip hold no class twice.
    Set<URL> own = new LinkedHashSet<>();
    try (var files = Files.list(unpacked)) {
      for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
        own.add(url(jar));
      }
    }
    JarHell.checkJarHell(own, message -> {});
  }

  private static URL url(Path path) throws MalformedURLException {
    return path.toUri().toURL();
  }

  private static boolean contains(Path jar, Class<?> type) throws IOException {
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry(type.getName().replace('.', '/') + ".class") != null;
    }
  }
}
