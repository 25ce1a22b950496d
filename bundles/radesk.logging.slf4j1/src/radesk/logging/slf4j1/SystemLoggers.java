package radesk.logging.slf4j1;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/** SLF4J 1.7 loggers written to {@link System.Logger}s of the same names (generated shape: five levels alike). */
public final class SystemLoggers extends MarkerIgnoringBase {

	private static final long serialVersionUID = 1L;
	private static final ConcurrentMap<String, Logger> LOGGERS = new ConcurrentHashMap<>();

	private final transient System.Logger target;

	private SystemLoggers(String name) {
		this.name = name;
		this.target = System.getLogger(name);
	}

	public static Logger logger(String name) {
		return LOGGERS.computeIfAbsent(name, SystemLoggers::new);
	}

	private void log(Level level, FormattingTuple message) {
		if (target.isLoggable(level)) {
			target.log(level, message.getMessage(), message.getThrowable());
		}
	}

	@Override
	public boolean isTraceEnabled() {
		return target.isLoggable(Level.TRACE);
	}

	@Override
	public void trace(String msg) {
		log(Level.TRACE, new FormattingTuple(msg));
	}

	@Override
	public void trace(String format, Object arg) {
		log(Level.TRACE, MessageFormatter.format(format, arg));
	}

	@Override
	public void trace(String format, Object arg1, Object arg2) {
		log(Level.TRACE, MessageFormatter.format(format, arg1, arg2));
	}

	@Override
	public void trace(String format, Object... arguments) {
		log(Level.TRACE, MessageFormatter.arrayFormat(format, arguments));
	}

	@Override
	public void trace(String msg, Throwable t) {
		log(Level.TRACE, new FormattingTuple(msg, null, t));
	}

	@Override
	public boolean isDebugEnabled() {
		return target.isLoggable(Level.DEBUG);
	}

	@Override
	public void debug(String msg) {
		log(Level.DEBUG, new FormattingTuple(msg));
	}

	@Override
	public void debug(String format, Object arg) {
		log(Level.DEBUG, MessageFormatter.format(format, arg));
	}

	@Override
	public void debug(String format, Object arg1, Object arg2) {
		log(Level.DEBUG, MessageFormatter.format(format, arg1, arg2));
	}

	@Override
	public void debug(String format, Object... arguments) {
		log(Level.DEBUG, MessageFormatter.arrayFormat(format, arguments));
	}

	@Override
	public void debug(String msg, Throwable t) {
		log(Level.DEBUG, new FormattingTuple(msg, null, t));
	}

	@Override
	public boolean isInfoEnabled() {
		return target.isLoggable(Level.INFO);
	}

	@Override
	public void info(String msg) {
		log(Level.INFO, new FormattingTuple(msg));
	}

	@Override
	public void info(String format, Object arg) {
		log(Level.INFO, MessageFormatter.format(format, arg));
	}

	@Override
	public void info(String format, Object arg1, Object arg2) {
		log(Level.INFO, MessageFormatter.format(format, arg1, arg2));
	}

	@Override
	public void info(String format, Object... arguments) {
		log(Level.INFO, MessageFormatter.arrayFormat(format, arguments));
	}

	@Override
	public void info(String msg, Throwable t) {
		log(Level.INFO, new FormattingTuple(msg, null, t));
	}

	@Override
	public boolean isWarnEnabled() {
		return target.isLoggable(Level.WARNING);
	}

	@Override
	public void warn(String msg) {
		log(Level.WARNING, new FormattingTuple(msg));
	}

	@Override
	public void warn(String format, Object arg) {
		log(Level.WARNING, MessageFormatter.format(format, arg));
	}

	@Override
	public void warn(String format, Object arg1, Object arg2) {
		log(Level.WARNING, MessageFormatter.format(format, arg1, arg2));
	}

	@Override
	public void warn(String format, Object... arguments) {
		log(Level.WARNING, MessageFormatter.arrayFormat(format, arguments));
	}

	@Override
	public void warn(String msg, Throwable t) {
		log(Level.WARNING, new FormattingTuple(msg, null, t));
	}

	@Override
	public boolean isErrorEnabled() {
		return target.isLoggable(Level.ERROR);
	}

	@Override
	public void error(String msg) {
		log(Level.ERROR, new FormattingTuple(msg));
	}

	@Override
	public void error(String format, Object arg) {
		log(Level.ERROR, MessageFormatter.format(format, arg));
	}

	@Override
	public void error(String format, Object arg1, Object arg2) {
		log(Level.ERROR, MessageFormatter.format(format, arg1, arg2));
	}

	@Override
	public void error(String format, Object... arguments) {
		log(Level.ERROR, MessageFormatter.arrayFormat(format, arguments));
	}

	@Override
	public void error(String msg, Throwable t) {
		log(Level.ERROR, new FormattingTuple(msg, null, t));
	}
}
