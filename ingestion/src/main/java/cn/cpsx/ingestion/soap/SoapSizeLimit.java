package cn.cpsx.ingestion.soap;

import cn.cpsx.ingestion.filing.IntakeLimits;
import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The 20 MiB limit of §3 (F003) for SOAP calls, before CXF reads the body into a DOM: a declared
 * length above the limit is answered at once with a SOAP fault naming F003; a chunked body is cut
 * off once it passes the limit.
 */
@Component
@Order(0) // before SoapFormatChecks, which reads through the bounded body
class SoapSizeLimit extends OncePerRequestFilter {

  private final IntakeLimits limits;

  SoapSizeLimit(IntakeLimits limits) {
    this.limits = limits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !SoapFaults.isSoapCall(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limits.maxFilingBytes()) {
      Finding f003 =
          Finding.of(Rule.F003, null, null, "more than " + limits.maxFilingBytes() + " bytes");
      SoapFaults.write(response, 413, f003);
      return;
    }
    chain.doFilter(new Bounded(request, limits.maxFilingBytes()), response);
  }

  /** A request whose body fails once more than the limit has been read (chunked uploads). */
  private static final class Bounded extends HttpServletRequestWrapper {
    private final long max;

    Bounded(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > max) {
            throw new IOException("F003: the SOAP body passed " + max + " bytes");
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > max) {
            throw new IOException("F003: the SOAP body passed " + max + " bytes");
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
