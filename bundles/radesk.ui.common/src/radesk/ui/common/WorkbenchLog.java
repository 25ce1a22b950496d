package radesk.ui.common;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;

/**
 * One log for the RCP editions: what the shared bundles say through {@code System.Logger} (which the
 * JDK hands to java.util.logging) at WARNING and above goes into the workspace's {@code .metadata/.log},
 * beside what the parts write there with {@link Platform#getLog}; nothing is left on a console nobody reads.
 */
public final class WorkbenchLog {

	private static volatile boolean installed;

	private WorkbenchLog() {
	}

	/** Once per process, at the workbench's start. */
	public static synchronized void install() {
		if (installed) {
			return;
		}
		installed = true;
		ILog log = Platform.getLog(WorkbenchLog.class);
		Logger.getLogger("").addHandler(new Handler() {
			@Override
			public void publish(LogRecord r) {
				if (r.getLevel().intValue() < Level.WARNING.intValue()) {
					return;
				}
				int severity = r.getLevel().intValue() >= Level.SEVERE.intValue() ? IStatus.ERROR : IStatus.WARNING;
				String text = r.getLoggerName() + ": " + (r.getParameters() == null ? r.getMessage()
						: java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
				log.log(new Status(severity, "radesk.ui.common", text, r.getThrown()));
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		});
	}
}
