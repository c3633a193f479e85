package cn.cpsx.portal.publicsite;

import cn.cpsx.portal.Period;
import cn.cpsx.portal.opendata.PublicRating;
import cn.cpsx.portal.opendata.PublicRatings;
import cn.cpsx.portal.opendata.PublicStatistics;
import cn.cpsx.portal.opendata.StatisticsItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one-page report card of an institution for a rating period (issue 13): its current published
 * grade and factors, its complaint figures (the open data's {@code statistics}), and where it
 * stands in its peer group (the period's published ratings of its institution type). Made only from
 * what is public, so the card may be drawn on request.
 */
@Component
public class ReportCards {

  /** The figures of §12's headline, with shares in percent (one decimal). */
  public record Figures(
      long complaints, long closed, long closedWithinDeadline, long surveyed, long satisfied) {
    public BigDecimal withinDeadlineShare() {
      return percent(closedWithinDeadline, closed);
    }

    public BigDecimal satisfiedShare() {
      return percent(satisfied, surveyed);
    }
  }

  /** The peer group: the published ratings of the period with the same institution type. */
  public record Peers(
      int size,
      int rank,
      BigDecimal medianScore,
      Map<String, Long> grades,
      BigDecimal meanComplaints,
      BigDecimal withinDeadlineShare,
      BigDecimal satisfiedShare) {}

  public record Card(
      String period,
      PublicStatistics.Institution institution,
      PublicRating rating,
      Figures figures,
      Peers peers) {}

  private final PublicRatings ratings;
  private final PublicStatistics statistics;

  ReportCards(PublicRatings ratings, PublicStatistics statistics) {
    this.ratings = ratings;
    this.statistics = statistics;
  }

  /** The card, or empty when the institution has no published rating of the period. */
  public Optional<Card> card(String uscc, Period period) {
    Optional<PublicStatistics.Institution> institution = statistics.institution(uscc);
    Optional<PublicRating> rating =
        ratings.versions(uscc).stream()
            .filter(r -> r.item().period().equals(period.code()))
            .filter(r -> r.item().status().equals("PUBLISHED"))
            .findFirst();
    if (institution.isEmpty() || rating.isEmpty()) {
      return Optional.empty();
    }
    String type = rating.get().item().institutionType();
    List<PublicRating> peers =
        ratings.currentOfPeriod(period.code()).stream()
            .filter(r -> r.item().institutionType().equals(type))
            .toList();
    Set<String> peerUscc = peers.stream().map(r -> r.item().uscc()).collect(Collectors.toSet());
    Map<String, StatisticsItem> peerFigures =
        statistics.of(period, type, null).stream()
            .filter(s -> peerUscc.contains(s.uscc()))
            .collect(Collectors.toMap(StatisticsItem::uscc, s -> s));
    StatisticsItem own = statistics.of(period, null, uscc).stream().findFirst().orElse(null);
    return Optional.of(
        new Card(
            period.code(),
            institution.get(),
            rating.get(),
            figures(own),
            peers(rating.get(), peers, peerFigures.values())));
  }

  private static Figures figures(StatisticsItem s) {
    return s == null
        ? new Figures(0, 0, 0, 0, 0)
        : new Figures(
            s.complaints(), s.closed(), s.closedWithinDeadline(), s.surveyed(), s.satisfied());
  }

  private static Peers peers(
      PublicRating own, List<PublicRating> peers, java.util.Collection<StatisticsItem> figures) {
    BigDecimal score = own.item().score();
    int rank = 1 + (int) peers.stream().filter(p -> p.item().score().compareTo(score) > 0).count();
    List<BigDecimal> scores =
        peers.stream().map(p -> p.item().score()).sorted(Comparator.naturalOrder()).toList();
    BigDecimal median =
        scores.size() % 2 == 1
            ? scores.get(scores.size() / 2)
            : scores
                .get(scores.size() / 2 - 1)
                .add(scores.get(scores.size() / 2))
                .divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP);
    Map<String, Long> grades = new LinkedHashMap<>();
    for (String grade : List.of("A", "B", "C", "D")) {
      grades.put(grade, peers.stream().filter(p -> p.item().grade().equals(grade)).count());
    }
    long complaints = figures.stream().mapToLong(StatisticsItem::complaints).sum();
    return new Peers(
        peers.size(),
        rank,
        median,
        grades,
        BigDecimal.valueOf(complaints)
            .divide(BigDecimal.valueOf(Math.max(1, peers.size())), 1, RoundingMode.HALF_UP),
        percent(
            figures.stream().mapToLong(StatisticsItem::closedWithinDeadline).sum(),
            figures.stream().mapToLong(StatisticsItem::closed).sum()),
        percent(
            figures.stream().mapToLong(StatisticsItem::satisfied).sum(),
            figures.stream().mapToLong(StatisticsItem::surveyed).sum()));
  }

  static BigDecimal percent(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
