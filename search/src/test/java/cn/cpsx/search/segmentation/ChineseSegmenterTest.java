package cn.cpsx.search.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseSegmenterTest {

  @Test
  void segmentsAComplaintIntoWordsAndDropsPunctuation() {
    assertThat(ChineseSegmenter.words("客户称信用卡年费未经告知即被扣收。"))
        .contains("客户", "信用卡", "告知")
        .doesNotContain("。");
  }

  @Test
  void aQueryWordSegmentsToTheSameRunOfWordsAsInsideASentence() {
    // Index and query side must agree, whatever smartcn makes of the word on its own.
    assertThat(ChineseSegmenter.words("客户称信用卡年费未经告知即被扣收。"))
        .containsSubsequence(ChineseSegmenter.words("年费"));
  }

  @Test
  void lowerCasesLatinLettersSoQueriesMatchRegardlessOfCase() {
    assertThat(ChineseSegmenter.segment("手机App闪退")).contains("app");
  }

  @Test
  void blankTextHasNoWords() {
    assertThat(ChineseSegmenter.words(" \u3000")).isEmpty();
  }
}
