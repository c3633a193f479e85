package cn.cpsx.ingestion.security;

import cn.cpsx.ingestion.IntakeError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How a channel answers a request the intake refuses before any route sees it: the security layer's
 * 401 without a valid token and 403 for a token that may not file, and the 503 while the routes
 * start ({@code IntakeReadiness}). Without one for a request, the answer is the JSON {@link
 * IntakeError} of REST; the SOAP channel registers one so its callers get a SOAP fault. An
 * interface here, so security does not depend on the channels that depend on it.
 */
public interface RefusalAnswer {

  boolean answers(HttpServletRequest request);

  void write(HttpServletResponse response, int status, IntakeError error) throws IOException;
}
