package cn.cpsx.generator.faults;

import cn.cpsx.generator.channel.Ingestion;
import cn.cpsx.generator.channel.KeycloakTokens;
import cn.cpsx.generator.channel.SftpGatewayClient;
import cn.cpsx.generator.filing.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filers on all three channels, each on its own thread, sending {@link CaseFilings} through the
 * generator's own channel clients ({@link Ingestion} for REST and SOAP, {@link SftpGatewayClient}
 * for SFTP) at a set pace. A filer keeps retrying a filing until it holds the receipt, as a real
 * filer does after a broken connection, a 5xx or a 429: the same bytes give the same receipt, so a
 * retry after a receipt lost in a crash must not file twice. An SFTP filer uploads and moves on; it
 * reads each receipt from {@code outbox/} later.
 *
 * <p>{@link #pause()} stops taking new filings and returns once every filing begun holds its
 * receipt, so the checker sees a quiet intake. While {@link #dropStraightIntoInbox} is set, SFTP
 * files arrive on the gateway's disk with nobody taking them (the SFTP consumer is down).
 */
final class FilingStream implements AutoCloseable {

  private static final Pattern STATUS = Pattern.compile("answered (\\d{3})");

  /** Pause between two filings of each channel; 0 sends flat out. */
  record Pace(Duration rest, Duration soap, Duration sftp) {

    Duration of(Channel channel) {
      return switch (channel) {
        case REST -> rest;
        case SOAP -> soap;
        case SFTP -> sftp;
      };
    }
  }

  private record Uploaded(CaseFilings.Next next, long uploadedAtNanos) {}

  private final CaseFilings source;
  private final Ledger ledger;
  private final Latencies latencies;
  private final String ingestionUrl;
  private final KeycloakTokens tokens;
  private final String sftpHost;
  private final int sftpPort;
  private final Path sftpRoot;
  private final long seed;
  private final Duration giveUpAfter;
  private volatile Pace pace;
  private final List<Thread> threads = new ArrayList<>();
  private final Object gate = new Object();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger sftpWaiting = new AtomicInteger();
  private volatile boolean paused;
  private volatile boolean closed;
  private volatile boolean dropStraightIntoInbox;

  FilingStream(
      CaseFilings source,
      Ledger ledger,
      Latencies latencies,
      Endpoints endpoints,
      long seed,
      Pace pace,
      Duration giveUpAfter) {
    this.source = source;
    this.ledger = ledger;
    this.latencies = latencies;
    this.ingestionUrl = endpoints.ingestion();
    this.tokens = new KeycloakTokens(endpoints.keycloak());
    this.sftpHost = endpoints.sftpHost();
    this.sftpPort = endpoints.sftpPort();
    this.sftpRoot = endpoints.sftpRoot();
    this.seed = seed;
    this.pace = pace;
    this.giveUpAfter = giveUpAfter;
  }

  void start() {
    for (Channel channel : Channel.values()) {
      Thread t =
          Thread.ofPlatform()
              .name("filer-" + channel)
              .daemon()
              .start(() -> run(channel, new Random(seed * 31 + channel.ordinal())));
      threads.add(t);
    }
  }

  void pace(Pace pace) {
    this.pace = pace;
  }

  /** SFTP files are put straight into the gateway's inbox folders, no login (consumer down). */
  void dropStraightIntoInbox(boolean on) {
    this.dropStraightIntoInbox = on;
  }

  /** Takes no new filing; returns once every filing begun holds its receipt (or was given up). */
  void pause() throws InterruptedException {
    paused = true;
    while (busy.get() > 0 || sftpWaiting.get() > 0) {
      Thread.sleep(200);
    }
  }

  void resume() {
    synchronized (gate) {
      paused = false;
      gate.notifyAll();
    }
  }

  @Override
  public void close() throws InterruptedException {
    pause();
    closed = true;
    resume();
    for (Thread t : threads) {
      t.join(10_000);
    }
  }

  private void run(Channel channel, Random random) {
    Ingestion ingestion = new Ingestion(ingestionUrl, tokens);
    Map<String, Uploaded> waiting = new LinkedHashMap<>();
    try (SftpGatewayClient sftp =
        channel == Channel.SFTP ? new SftpGatewayClient(sftpHost, sftpPort) : null) {
      long lastPoll = 0;
      while (!closed) {
        if (!paused) {
          busy.incrementAndGet();
          try {
            if (!paused && !closed) {
              CaseFilings.Next next = source.next(random, channel);
              if (channel == Channel.SFTP) {
                if (upload(sftp, next)) {
                  waiting.put(next.filing().fileName(), new Uploaded(next, System.nanoTime()));
                  sftpWaiting.set(waiting.size());
                }
              } else {
                send(ingestion, channel, next);
              }
            }
          } finally {
            busy.decrementAndGet();
          }
        }
        if (channel == Channel.SFTP
            && !waiting.isEmpty()
            && System.nanoTime() - lastPoll > 1_000_000_000L) {
          readReceipts(sftp, waiting);
          sftpWaiting.set(waiting.size());
          lastPoll = System.nanoTime();
        }
        rest(channel, waiting.isEmpty());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void rest(Channel channel, boolean nothingWaiting) throws InterruptedException {
    long millis = pace.of(channel).toMillis();
    synchronized (gate) {
      if (paused && nothingWaiting && !closed) {
        gate.wait(1000);
        return;
      }
    }
    if (millis > 0) {
      Thread.sleep(millis);
    } else if (paused) {
      Thread.sleep(200);
    }
  }

  /** REST or SOAP until the receipt is in hand, refused for good, or the deadline passed. */
  private void send(Ingestion ingestion, Channel channel, CaseFilings.Next next)
      throws InterruptedException {
    long begun = System.nanoTime();
    String operation = channel == Channel.REST ? "filing REST" : "filing SOAP";
    for (int attempt = 1; ; attempt++) {
      long t0 = System.nanoTime();
      try {
        String filingId =
            channel == Channel.REST
                ? ingestion.postJson(next.filing())
                : ingestion.submitSoap(next.filing());
        latencies.record(operation, millisSince(t0), true);
        ledger.receipt(filingId, next.filing().uscc(), channel, next.caseNos());
        return;
      } catch (RuntimeException e) {
        latencies.record(operation, millisSince(t0), false);
        int status = statusOf(e);
        ledger.answered(status < 0 ? "no answer (connection refused or cut)" : "HTTP " + status);
        // a refusal of the filing itself is final; anything else (no answer, 5xx, 429, the 503
        // ingestion gives while its routes are still starting, and the 404 it gave there before
        // IntakeReadiness) is retried, as a filer would
        boolean refusal = status == 400 || status == 403 || status == 413 || status == 422;
        if (refusal || System.nanoTime() - begun > giveUpAfter.toNanos()) {
          ledger.gaveUp(
              channel
                  + " "
                  + next.filing().fileName()
                  + " after "
                  + attempt
                  + ": "
                  + e.getMessage());
          return;
        }
        Thread.sleep(Math.min(5000, 250L * attempt));
      }
    }
  }

  /** Into {@code inbox/} over SFTP (or straight onto the disk while the consumer is down). */
  private boolean upload(SftpGatewayClient sftp, CaseFilings.Next next)
      throws InterruptedException {
    long begun = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      long t0 = System.nanoTime();
      try {
        if (dropStraightIntoInbox) {
          drop(next);
        } else {
          sftp.upload(next.filing());
        }
        latencies.record("filing SFTP upload", millisSince(t0), true);
        return true;
      } catch (RuntimeException e) {
        latencies.record("filing SFTP upload", millisSince(t0), false);
        if (System.nanoTime() - begun > giveUpAfter.toNanos()) {
          ledger.gaveUp("SFTP " + next.filing().fileName() + ": " + e.getMessage());
          return false;
        }
        Thread.sleep(Math.min(5000, 250L * attempt));
      }
    }
  }

  /** The file as the gateway itself would have written it: a temporary name, then renamed. */
  private void drop(CaseFilings.Next next) {
    try {
      Path inbox = sftpRoot.resolve(next.filing().uscc()).resolve("inbox");
      Files.createDirectories(inbox);
      Path part = inbox.resolve(next.filing().fileName() + ".part");
      Files.write(part, next.filing().bytes());
      Files.move(part, inbox.resolve(next.filing().fileName()), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Receipts now in {@code outbox/}; upload → receipt is the SFTP receipt latency. */
  private void readReceipts(SftpGatewayClient sftp, Map<String, Uploaded> waiting) {
    for (Iterator<Map.Entry<String, Uploaded>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Uploaded> entry = it.next();
      Uploaded uploaded = entry.getValue();
      String uscc = uploaded.next().filing().uscc();
      try {
        var receipt = sftp.outbox(uscc, entry.getKey(), ".receipt.json");
        if (receipt.isPresent()) {
          latencies.record("filing SFTP receipt", millisSince(uploaded.uploadedAtNanos()), true);
          ledger.receipt(
              receipt.get().get("filingId").asString(),
              uscc,
              Channel.SFTP,
              uploaded.next().caseNos());
          it.remove();
          continue;
        }
        var result = sftp.outbox(uscc, entry.getKey(), ".result.json");
        if (result.isPresent()) {
          // a result with no receipt: refused before filing (§9), nothing stored
          ledger.gaveUp("SFTP " + entry.getKey() + " refused: " + result.get());
          it.remove();
          continue;
        }
      } catch (RuntimeException e) {
        return; // the gateway is away: the next round asks again
      }
      if (System.nanoTime() - uploaded.uploadedAtNanos() > giveUpAfter.toNanos()) {
        latencies.record("filing SFTP receipt", millisSince(uploaded.uploadedAtNanos()), false);
        ledger.gaveUp("SFTP " + entry.getKey() + ": no receipt in outbox/");
        it.remove();
      }
    }
  }

  private static int statusOf(RuntimeException e) {
    Matcher m = STATUS.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
