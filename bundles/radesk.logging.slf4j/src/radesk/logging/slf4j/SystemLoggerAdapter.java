package radesk.logging.slf4j;

import java.lang.System.Logger;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One SLF4J logger written to the {@link System.Logger} of the same name. */
final class SystemLoggerAdapter extends LegacyAbstractLogger {

	private static final long serialVersionUID = 1L;

	private final transient Logger target;

	SystemLoggerAdapter(String name) {
		this.name = name;
		this.target = System.getLogger(name);
	}

	private static Logger.Level level(Level level) {
		return switch (level) {
		case TRACE -> Logger.Level.TRACE;
		case DEBUG -> Logger.Level.DEBUG;
		case INFO -> Logger.Level.INFO;
		case WARN -> Logger.Level.WARNING;
		case ERROR -> Logger.Level.ERROR;
		};
	}

	@Override
	public boolean isTraceEnabled() {
		return target.isLoggable(Logger.Level.TRACE);
	}

	@Override
	public boolean isDebugEnabled() {
		return target.isLoggable(Logger.Level.DEBUG);
	}

	@Override
	public boolean isInfoEnabled() {
		return target.isLoggable(Logger.Level.INFO);
	}

	@Override
	public boolean isWarnEnabled() {
		return target.isLoggable(Logger.Level.WARNING);
	}

	@Override
	public boolean isErrorEnabled() {
		return target.isLoggable(Logger.Level.ERROR);
	}

	@Override
	protected String getFullyQualifiedCallerName() {
		return null;
	}

	@Override
	protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable thrown) {
		String message = MessageFormatter.basicArrayFormat(pattern, arguments);
		if (thrown == null) {
			target.log(level(level), message);
		} else {
			target.log(level(level), message, thrown);
		}
	}
}
