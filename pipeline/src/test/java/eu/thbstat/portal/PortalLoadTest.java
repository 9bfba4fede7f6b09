package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 uploads at once on loopback, 10 by each of five offices: every one answered, stored with its
 * own id and its exact bytes, indexed, audited; and the sign-in page answers within seconds all
 * along. Bounded: 50 requests, at most 3 minutes.
 */
class PortalLoadTest {
  @TempDir Path dir;

  static final Map<String, String> FILES = Map.of(
      "DE", "DE/DE_indicator_16-2-2.csv",
      "EL", "EL/EL_thb_victims_offenders_2019-2023.csv",
      "NL", "NL/NL_mensenhandel_2020-2023.csv",
      "PL", "PL/PL_handel_ludzmi_2019-2023.csv",
      "UK", "UK/UK_indicator_16-2-2.csv");

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void fiftyConcurrentUploadsAreAllKeptAndThePortalStaysResponsive() throws Exception {
    try (PortalFixture f = PortalFixture.start(dir)) {
      Map<String, PortalFixture.Client> offices = new HashMap<>();
      for (String c : FILES.keySet()) {
        offices.put(c, f.signedIn(PortalFixture.office(c)));
      }
      record Sent(String country, String name, byte[] content, CompletableFuture<HttpResponse<String>> response) {}
      List<Sent> sent = new ArrayList<>();
      AtomicBoolean loading = new AtomicBoolean(true);
      AtomicLong slowest = new AtomicLong();
      AtomicLong probes = new AtomicLong();
      Thread prober = new Thread(() -> {
        PortalFixture.Client probe = f.client();
        while (loading.get()) {
          long t = System.nanoTime();
          try {
            assertThat(probe.get("/sign-in").statusCode(), is(200));
          } catch (Exception e) {
            slowest.set(Long.MAX_VALUE);
            return;
          }
          slowest.accumulateAndGet((System.nanoTime() - t) / 1_000_000, Math::max);
          probes.incrementAndGet();
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      prober.start();
      for (int i = 0; i < 10; i++) {
        for (String c : new TreeSet<>(FILES.keySet())) {
          byte[] base = TestData.bytes(TestData.sampleInputs().resolve(FILES.get(c)));
          // each upload differs (i more blank lines at the end, which the reader skips), so each has its own checksum
          byte[] content = (new String(base, StandardCharsets.UTF_8) + "\n".repeat(i)).getBytes(StandardCharsets.UTF_8);
          PortalFixture.Client client = offices.get(c);
          String name = Path.of(FILES.get(c)).getFileName().toString();
          sent.add(new Sent(c, name, content, client.http.sendAsync(client.uploadRequest(c, name, content, client.csrf), HttpResponse.BodyHandlers.ofString())));
        }
      }
      CompletableFuture.allOf(sent.stream().map(Sent::response).toArray(CompletableFuture[]::new)).get(150, TimeUnit.SECONDS);
      loading.set(false);
      prober.join(10_000);

      Set<String> ids = new TreeSet<>();
      for (Sent s : sent) {
        HttpResponse<String> r = s.response().join();
        assertThat(r.body(), r.statusCode(), is(303));
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location.startsWith("/countries/" + s.country() + "/uploads/"), is(true));
        String id = location.substring(location.lastIndexOf('/') + 1);
        ids.add(s.country() + "/" + id);
        Upload u = f.portal.uploads().find(s.country(), id).orElseThrow();
        assertThat(u.sha256(), is(ReferenceDataLoader.sha256(s.content())));
        assertThat(Files.readAllBytes(f.portal.uploads().file(u)), is(s.content()));
      }
      assertThat(ids.size(), is(50));
      // none lost on disk either: a fresh store reads all 50 back
      List<Upload> reread = new UploadStore(dir).all();
      assertThat(reread.size(), is(50));
      assertThat(reread.stream().collect(Collectors.groupingBy(Upload::country, Collectors.counting())),
          is(Map.of("DE", 10L, "EL", 10L, "NL", 10L, "PL", 10L, "UK", 10L)));
      assertThat(reread.stream().collect(Collectors.groupingBy(u -> u.country() + " " + u.status(), java.util.TreeMap::new, Collectors.counting())).toString(),
          is("{DE WARNINGS=10, EL ACCEPTED=10, NL WARNINGS=10, PL ACCEPTED=10, UK ERRORS=10}"));
      List<JsonNode> audit = AuditLog.read(dir.resolve(AuditLog.FILE));
      Set<String> audited = audit.stream().filter(e -> e.path("action").asText().equals("UPLOAD")).map(e -> e.path("sha256").asText()).collect(Collectors.toSet());
      assertThat(audited, is(sent.stream().map(s -> ReferenceDataLoader.sha256(s.content())).collect(Collectors.toSet())));
      assertThat(AuditLog.verify(dir.resolve(AuditLog.FILE)), is(0));
      assertThat(probes.get() > 0, is(true));
      assertThat("slowest sign-in page during the load, ms", slowest.get(), lessThan(10_000L));
      System.out.printf("load test: 50 uploads, %d probes, slowest page %d ms%n", probes.get(), slowest.get());
    }
  }
}
