package cn.cpsx.schemas;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * What a rule needs to know beyond the bytes of a filing.
 *
 * @param authenticatedUscc the institution the channel authenticated (F005)
 * @param receivedAt the receipt time: "now" for every future/late check (§9 "Filing time")
 * @param activeInstitution true for a registered institution whose licence is not revoked (F006)
 * @param history earlier filings (F009, S003)
 */
public record FilingContext(
    String authenticatedUscc,
    Instant receivedAt,
    Predicate<String> activeInstitution,
    FilingHistory history) {}
