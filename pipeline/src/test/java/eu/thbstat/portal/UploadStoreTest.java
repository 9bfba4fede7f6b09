package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadStoreTest {
  @TempDir Path dir;

  static final String SHA = "02071f45f072212f25d721ce9557afc184f52ead50c07ae5cc4ab3aed87f453c";

  static Upload upload(String id, String country, Upload.Status status, String... years) {
    return new Upload(id, country, "f.csv", "uploads/" + country + "/" + id + ".csv", "csv", "m", SHA, 3, "2024-01-01T00:00:00Z", "u",
        status, 0, 0, 0, 1, 0, List.of(years), "");
  }

  @Test
  void aNewUploadNeverOverwritesAnother() throws Exception {
    UploadStore store = new UploadStore(dir);
    Instant t = Instant.parse("2024-03-01T10:15:30.123Z");
    UploadStore.Claim a = store.claim("NL", t, SHA, "csv", "one".getBytes(StandardCharsets.UTF_8));
    UploadStore.Claim b = store.claim("NL", t, SHA, "csv", "two".getBytes(StandardCharsets.UTF_8));
    assertThat(a.id(), is("20240301T101530123Z-02071f45f072"));
    assertThat(b.id(), is("20240301T101530123Z-02071f45f072-2"));
    assertThat(a.storedFile(), is("uploads/NL/20240301T101530123Z-02071f45f072.csv"));
    assertThat(Files.readString(a.file()), is("one"));
    assertThat(Files.readString(b.file()), is("two"));
    assertThat(Files.getPosixFilePermissions(a.file()), is(PosixFilePermissions.fromString("r--r-----")));

    store.writeReport(a, Map.of("report.json", "{}".getBytes(StandardCharsets.UTF_8)));
    store.commit(upload(a.id(), "NL", Upload.Status.ERRORS, "2022"));
    store.commit(upload(b.id(), "NL", Upload.Status.ACCEPTED, "2022"));
    // metadata is never replaced either
    org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.FileAlreadyExistsException.class,
        () -> store.commit(upload(a.id(), "NL", Upload.Status.ACCEPTED, "2022")));

    UploadStore reopened = new UploadStore(dir);
    assertThat(reopened.of("NL").stream().map(Upload::id).toList(), is(List.of(b.id(), a.id())));
    assertThat(reopened.find("NL", a.id()).get().status(), is(Upload.Status.ERRORS));
    assertThat(Files.readString(reopened.reportFile(reopened.find("NL", a.id()).get(), "report.json")), is("{}"));
  }

  @Test
  void onlyWellFormedIdsOfTheCountryAreFound() throws Exception {
    UploadStore store = new UploadStore(dir);
    UploadStore.Claim a = store.claim("NL", Instant.parse("2024-03-01T10:15:30Z"), SHA, "csv", new byte[] {1});
    store.commit(upload(a.id(), "NL", Upload.Status.ACCEPTED, "2022"));
    assertThat(store.find("NL", a.id()).isPresent(), is(true));
    assertThat(store.find("DE", a.id()).isPresent(), is(false));
    assertThat(store.find("NL", "../../users").isPresent(), is(false));
    assertThat(store.find("nl", a.id()).isPresent(), is(false));
    assertThat(store.find("../NL", a.id()).isPresent(), is(false));
  }
}
