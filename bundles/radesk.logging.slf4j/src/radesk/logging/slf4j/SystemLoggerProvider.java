package radesk.logging.slf4j;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J 2's provider for the libraries that log through it (Jetty): every logger writes to the
 * JDK's {@link System.Logger}, the one logging facade of RA Desk, whose handlers the product sets
 * (the server: a rotating file and the console). This bundle is a fragment of {@code slf4j.api}:
 * SLF4J finds its providers with {@code ServiceLoader} on its own class loader, and a fragment's
 * {@code META-INF/services} entry is on that class loader — so no service-loader extender (Aries
 * SPI Fly, ASM) is needed. The fragment provides the two capabilities {@code slf4j.api} requires,
 * which is true of it: it is the provider, and it is what makes the host's ServiceLoader find it.
 */
public final class SystemLoggerProvider implements SLF4JServiceProvider {

	private final ILoggerFactory loggers = SystemLoggerAdapter::new;
	private final IMarkerFactory markers = new BasicMarkerFactory();
	private final MDCAdapter mdc = new BasicMDCAdapter();

	@Override
	public ILoggerFactory getLoggerFactory() {
		return loggers;
	}

	@Override
	public IMarkerFactory getMarkerFactory() {
		return markers;
	}

	@Override
	public MDCAdapter getMDCAdapter() {
		return mdc;
	}

	@Override
	public String getRequestedApiVersion() {
		return "2.0.99";
	}

	@Override
	public void initialize() {
		// nothing to set up: System.Logger is configured by the product
	}
}
