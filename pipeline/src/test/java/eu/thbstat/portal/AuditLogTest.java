package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  @Test
  void eachLineIsChainedToTheOneBeforeAcrossRestarts() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    User nl = new User("nl-office", Role.OFFICE, "NL", Passwords.hash("secret-secret".toCharArray(), 1_000));
    try (AuditLog log = new AuditLog(dir, clock)) {
      log.record(AuditLog.Event.of("", "SIGN_IN", "", "ok").by(nl).from("127.0.0.1"));
      log.record(AuditLog.Event.of("", "UPLOAD", "uploads/NL/x.csv", "ERRORS").by(nl).file("ab12", 568));
    }
    try (AuditLog log = new AuditLog(dir, clock)) {
      log.record(AuditLog.Event.of("ana", "RUN_START", "runs/1", "started"));
    }
    Path file = dir.resolve(AuditLog.FILE);
    List<JsonNode> events = AuditLog.read(file);
    assertThat(events.size(), is(3));
    assertThat(events.get(1).toString(), is("{\"time\":\"2024-05-06T07:08:09Z\",\"user\":\"nl-office\",\"role\":\"office\",\"country\":\"NL\","
        + "\"action\":\"UPLOAD\",\"target\":\"uploads/NL/x.csv\",\"sha256\":\"ab12\",\"bytes\":568,\"outcome\":\"ERRORS\",\"prev\":\""
        + eu.thbstat.reference.ReferenceDataLoader.sha256(Files.readAllLines(file).get(0).getBytes(StandardCharsets.UTF_8)) + "\"}"));
    assertThat(events.get(0).path("prev").asText(), is("0".repeat(64)));
    assertThat(AuditLog.verify(file), is(0));

    List<String> lines = Files.readAllLines(file);
    Files.write(file, List.of(lines.get(0), lines.get(1).replace("ERRORS", "ACCEPTED"), lines.get(2)));
    assertThat(AuditLog.verify(file), is(3)); // the line after the changed one no longer chains
    Files.write(file, List.of(lines.get(0), lines.get(2)));
    assertThat(AuditLog.verify(file), is(2)); // a removed line too
  }
}
