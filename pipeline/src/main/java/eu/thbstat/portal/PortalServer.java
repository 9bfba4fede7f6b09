package eu.thbstat.portal;

import java.net.InetSocketAddress;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The portal's HTTP server: embedded Jetty 12 (its core API, no servlet API) on one address and port, with
 * bounded threads, header and form sizes, an idle timeout, and error pages that never show a stack
 * trace. Malformed requests get a 4xx answer from Jetty or from {@link PortalHandler}; the server
 * stays up. {@link PortalHandler} (through {@link Exchange}) answers every request.
 */
public final class PortalServer implements AutoCloseable {
  private final Portal portal;
  private final Server server;
  private final ServerConnector connector;

  public PortalServer(Portal portal, String bind, int port) {
    this.portal = portal;
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("thbstat-portal");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(16 * 1024);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(bind);
    connector.setPort(port);
    connector.setIdleTimeout(30_000);
    server.addConnector(connector);

    server.setHandler(new PortalHandler(portal));
    ErrorHandler errors = new ErrorHandler();
    errors.setShowStacks(false);
    errors.setShowMessageInTitle(false);
    server.setErrorHandler(errors);
    server.setStopAtShutdown(true);
  }

  public PortalServer start() throws Exception {
    server.start();
    return this;
  }

  /** The port listened on (the actual one when 0 was asked). */
  public int port() {
    return connector.getLocalPort();
  }

  public String url() {
    String host = connector.getHost();
    if (host == null || host.isEmpty()) {
      host = "127.0.0.1";
    }
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), port());
  }

  public Portal portal() {
    return portal;
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
