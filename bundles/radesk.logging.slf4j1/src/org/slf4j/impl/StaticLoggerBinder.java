package org.slf4j.impl;

import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * SLF4J 1.7's binding (it looks for this class by name in its own bundle, which this fragment joins):
 * every logger written to the {@link System.Logger} of the same name, as the RA's own code logs.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {

	/** The SLF4J API this binding was written for; SLF4J 1.7 reads it. */
	public static String REQUESTED_API_VERSION = "1.6.99";

	private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();
	private final ILoggerFactory factory = radesk.logging.slf4j1.SystemLoggers::logger;

	private StaticLoggerBinder() {
	}

	public static StaticLoggerBinder getSingleton() {
		return SINGLETON;
	}

	@Override
	public ILoggerFactory getLoggerFactory() {
		return factory;
	}

	@Override
	public String getLoggerFactoryClassStr() {
		return radesk.logging.slf4j1.SystemLoggers.class.getName();
	}
}
