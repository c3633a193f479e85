package cn.cpsx.ingestion.soap;

import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * F001 at the door of the SOAP channel, before anything is parsed. A body that is not XML by its
 * Content-Type ({@code text/xml}, {@code application/soap+xml}, or MTOM's {@code
 * multipart/related}) is answered 415 with a fault naming F001, as REST answers a wrong type.
 *
 * <p>A SOAP message must not contain a document type declaration (SOAP 1.1 §3), and every XXE and
 * entity-expansion ("billion laughs") attack needs one. CXF's secure parser already refuses them,
 * but with a generic fault; this filter looks at the prolog — what comes before the root element,
 * the only place a DOCTYPE can be — and answers with a fault naming F001, in both languages, before
 * anything is parsed. The body then reaches CXF unchanged.
 */
@Component
@Order(1)
class SoapFormatChecks extends OncePerRequestFilter {

  /** A prolog longer than this (comments, processing instructions) is not looked at further. */
  static final int PROLOG_LIMIT = 64 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !SoapFaults.isSoapCall(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isXml(request.getContentType())) {
      SoapFaults.write(response, 415, Finding.variant(Rule.F001, "soapContentType", null, null));
      return;
    }
    InputStream body = request.getInputStream();
    byte[] head = body.readNBytes(PROLOG_LIMIT);
    if (declaresDoctype(head)) {
      SoapFaults.write(
          response,
          500, // SOAP 1.1 over HTTP: a fault is a 500, so JAX-WS clients read its detail
          Finding.variant(Rule.F001, "doctype", null, null));
      return;
    }
    chain.doFilter(new Replayed(request, head, body), response);
  }

  static boolean isXml(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(java.util.Locale.ROOT).strip();
    return type.startsWith("text/xml")
        || type.startsWith("application/soap+xml")
        || type.startsWith("multipart/related");
  }

  /** True when the prolog (before the first start tag) holds {@code <!DOCTYPE}. */
  static boolean declaresDoctype(byte[] head) {
    Charset charset = StandardCharsets.UTF_8;
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
    } else if (head.length >= 2 && head[0] == 0 && head[1] == '<') {
      charset = StandardCharsets.UTF_16BE;
    } else if (head.length >= 2 && head[0] == '<' && head[1] == 0) {
      charset = StandardCharsets.UTF_16LE;
    }
    String text = new String(head, charset);
    for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
      char next = text.charAt(i + 1);
      if (next == '!' && text.startsWith("<!DOCTYPE", i)) {
        return true;
      }
      if (next != '!' && next != '?') {
        return false; // the root element: no DOCTYPE can follow
      }
    }
    return false;
  }

  /** The request with the bytes already read put back in front of the rest. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final InputStream replay;

    Replayed(HttpServletRequest request, byte[] head, InputStream rest) {
      super(request);
      this.replay = new SequenceInputStream(new ByteArrayInputStream(head), rest);
    }

    @Override
    public ServletInputStream getInputStream() {
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return replay.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return replay.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          try {
            return replay.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }
  }
}
