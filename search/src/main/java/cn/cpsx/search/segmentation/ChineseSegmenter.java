package cn.cpsx.search.segmentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chinese word segmentation for the case index. The minimal Elasticsearch distribution has no
 * Chinese analyser, so text is segmented here with Lucene's smartcn and indexed as space-separated
 * words into a whitespace-analysed field; queries are segmented the same way, so both sides agree.
 * Punctuation and stop words are dropped; Latin letters are lower-cased.
 */
public final class ChineseSegmenter {

  // Thread-safe: Lucene analysers reuse per-thread token stream components.
  private static final SmartChineseAnalyzer ANALYZER = new SmartChineseAnalyzer();

  private ChineseSegmenter() {}

  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream tokens = ANALYZER.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString().toLowerCase(Locale.ROOT));
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  /** The words joined by spaces, as the whitespace-analysed index field expects them. */
  public static String segment(String text) {
    return String.join(" ", words(text));
  }
}
