package cn.cpsx.schemas.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedFactorsTest {

  @Test
  void figuresComeBackInSpecOrderWithEveryDigitWhateverOrderTheDatabaseKeptThemIn() {
    // jsonb stores keys shortest first: what PostgreSQL hands back for a stored factor
    String stored =
        """
        [{"factor":"COMPLAINT_INTENSITY","points":18.75,"figures":{"per10k":0.0000000001,
          "complaints":40,"percentileRank":0.2500000000,"retailCustomers":1000000},"maxPoints":25}]
        """;
    String ordered = PublishedFactors.inPublishedOrder(stored);
    assertThat(ordered)
        .contains(
            "{\"complaints\":40,\"retailCustomers\":1000000,\"per10k\":0.0000000001,"
                + "\"percentileRank\":0.2500000000}");
  }

  @Test
  void everyFactorNamesItsSpecFiguresInOrder() {
    assertThat(RatingMethodology.Factor.ESCALATION.figures())
        .isEqualTo(List.of("complaints", "escalated", "share", "percentileRank"));
  }
}
