package cn.cpsx.batch.filing;

import cn.cpsx.schemas.database.FilingQueue;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for ingestion's {@code NOTIFY cpsx_filing_received} (sent when a filing commits) and
 * wakes this node's filing worker at once (every node hears every notice; the claims decide which
 * node takes which filing). Reconnects after a database outage; the sweep covers any notice missed
 * meanwhile.
 */
@Component
@ConditionalOnBooleanProperty(name = "cpsx.filing.wake-up", matchIfMissing = true)
class FilingWakeUpListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FilingWakeUpListener.class);

  private final DataSource dataSource;
  private final FilingJobs jobs;
  private volatile boolean running;
  private Thread thread;

  FilingWakeUpListener(DataSource dataSource, FilingJobs jobs) {
    this.dataSource = dataSource;
    this.jobs = jobs;
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().name("filing-wake-up").daemon().start(this::listen);
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + FilingQueue.CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(5_000);
          if (notifications != null && notifications.length > 0) {
            jobs.wakeUp();
          }
        }
      } catch (Exception e) {
        if (!running) {
          return;
        }
        log.warn("wake-up listener lost its connection ({}); reconnecting", e.getMessage());
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }
}
