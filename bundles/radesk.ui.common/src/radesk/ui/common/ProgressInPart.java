package radesk.ui.common;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * A job's progress shown in the screen that started it: the bar fills as work is done, the label
 * says what is being done. Everything the job reports still reaches the job's own monitor.
 */
public final class ProgressInPart extends ProgressMonitorWrapper {

	private final ProgressBar bar;
	private final Label what;
	private int total = 1;
	private double done;

	public ProgressInPart(IProgressMonitor monitor, ProgressBar bar, Label what) {
		super(monitor);
		this.bar = bar;
		this.what = what;
	}

	@Override
	public void beginTask(String name, int totalWork) {
		super.beginTask(name, totalWork);
		total = Math.max(1, totalWork);
		done = 0;
		show(name);
	}

	@Override
	public void subTask(String name) {
		super.subTask(name);
		show(name);
	}

	@Override
	public void setTaskName(String name) {
		super.setTaskName(name);
		show(name);
	}

	@Override
	public void internalWorked(double work) {
		super.internalWorked(work);
		done += work;
		show(null);
	}

	@Override
	public void done() {
		super.done();
		done = total;
		show(null);
	}

	private void show(String text) {
		int percent = (int) Math.min(100, Math.round(done * 100 / total));
		if (bar.isDisposed()) {
			return;
		}
		bar.getDisplay().asyncExec(() -> {
			if (!bar.isDisposed()) {
				bar.setSelection(percent);
			}
			if (text != null && !what.isDisposed()) {
				what.setText(text);
				what.getParent().layout();
			}
		});
	}
}
