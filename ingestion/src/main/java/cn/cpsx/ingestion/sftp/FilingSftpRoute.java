package cn.cpsx.ingestion.sftp;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/**
 * Takes completed uploads from every institution's {@code inbox/} and answers in {@code outbox/}:
 * the receipt at once, the validation result once batch-jobs has checked the filing.
 *
 * <p>The gateway's folders are read directly on disk ({@code file:}), not through an SFTP login to
 * the gateway itself: a remote directory walk failed on odd names and stalled every institution.
 * Which files are ready is decided by {@link SettledUploads} without blocking the poll, and each
 * file's outcome, whatever happens, by {@link SftpIntake}; the file component itself never moves,
 * locks or retries anything ({@code noop}), so no file can hold up another.
 */
@Component
@ConditionalOnBean(SftpGateway.class)
class FilingSftpRoute extends RouteBuilder {

  private final SftpIntake intake;

  FilingSftpRoute(SftpIntake intake) {
    this.intake = intake;
  }

  @Override
  public void configure() {
    getContext().getRegistry().bind("sftpSettledUploads", intake.settled());
    String consumer =
        "file:"
            + intake.folders().root()
            // noop with idempotent=false: the intake moves each file out itself once answered, and
            // a file left in place on purpose (database away) is looked at again.
            + "?noop=true&idempotent=false&readLock=none"
            + "&recursive=true&filter=#sftpSettledUploads"
            + "&sortBy=file:modified&delay=500&maxMessagesPerPoll=200"
            + "&startingDirectoryMustExist=false&autoCreate=true";

    from(consumer)
        .routeId("sftp-take-filing")
        .process(
            exchange ->
                intake.take(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class)));

    from("timer:sftp-results?period=3000&delay=3000")
        .routeId("sftp-deliver-results")
        .process(exchange -> intake.deliverResults());
  }
}
