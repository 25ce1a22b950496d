package radesk.ui.counter.update;

import java.net.URI;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;

import radesk.ui.common.ProgressInPart;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/**
 * 檢查更新: asks the site at once (a Job; its progress in the bar), says what it found, and on 安裝並重新啟動
 * installs it (another Job). It closes with OK only once the updates are installed: the caller restarts.
 */
final class UpdateDialog extends Dialog {

	private final URI site;
	private Label what;
	private ProgressBar bar;
	private SiteUpdate found;
	private Job running;

	UpdateDialog(Shell parent, URI site) {
		super(parent);
		this.site = site;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.update_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		what = WidgetIds.name(new Label(area, SWT.WRAP), "update.what");
		GridDataFactory.fillDefaults().grab(true, true).hint(460, SWT.DEFAULT).applyTo(what);
		bar = new ProgressBar(area, SWT.HORIZONTAL | SWT.SMOOTH);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		what.setText(NLS.bind(Messages.update_checking, site));
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		WidgetIds.name(createButton(parent, IDialogConstants.OK_ID, Messages.update_install, false), "update.install").setEnabled(false);
		WidgetIds.name(createButton(parent, IDialogConstants.CANCEL_ID, Messages.update_close, true), "update.close");
	}

	@Override
	public void create() {
		super.create();
		Display display = getShell().getDisplay();
		start(Messages.update_job_check, monitor -> {
			SiteUpdate check = SiteUpdate.check(site, new ProgressInPart(monitor, bar, what));
			display.asyncExec(() -> checked(check));
			return Status.OK_STATUS;
		});
	}

	private void checked(SiteUpdate check) {
		running = null;
		if (getShell() == null || getShell().isDisposed()) {
			return;
		}
		found = check;
		bar.setSelection(bar.getMaximum());
		if (check.outcome() != SiteUpdate.Outcome.FOUND) {
			Button install = getButton(IDialogConstants.OK_ID); // nothing to install: only 關閉 is left
			install.setVisible(false);
			((org.eclipse.swt.layout.GridData) install.getLayoutData()).exclude = true;
		}
		switch (check.outcome()) {
		case FOUND -> {
			say(NLS.bind(Messages.update_found, String.join("\n", check.updates())));
			Button install = getButton(IDialogConstants.OK_ID);
			install.setEnabled(true);
			getShell().setDefaultButton(install);
			install.setFocus();
		}
		case NONE -> say(NLS.bind(Messages.update_none, site));
		case NO_PROFILE -> say(Messages.update_no_profile);
		case SITE_FAILED -> say(NLS.bind(Messages.update_site_failed, site));
		}
	}

	@Override
	protected void okPressed() {
		if (found == null || running != null) {
			return;
		}
		getButton(IDialogConstants.OK_ID).setEnabled(false);
		getButton(IDialogConstants.CANCEL_ID).setEnabled(false); // a half-installed update helps nobody
		what.setText(Messages.update_installing);
		bar.setSelection(0);
		Display display = getShell().getDisplay();
		start(Messages.update_job_install, monitor -> {
			IStatus done = found.install(new ProgressInPart(monitor, bar, what));
			display.asyncExec(() -> installed(done));
			return Status.OK_STATUS;
		});
	}

	private void installed(IStatus done) {
		running = null;
		if (done.isOK()) {
			setReturnCode(OK);
			close();
			return;
		}
		getButton(IDialogConstants.CANCEL_ID).setEnabled(true);
		say(Messages.update_failed);
	}

	@Override
	protected void cancelPressed() {
		if (running != null) {
			running.cancel(); // only the check can be running here: the install disables 關閉
		}
		super.cancelPressed();
	}

	private void start(String name, org.eclipse.core.runtime.jobs.IJobFunction work) {
		running = Job.create(name, work);
		running.setUser(true);
		running.schedule();
	}

	private void say(String text) {
		what.setText(text);
		getShell().layout(true, true);
		getShell().pack();
	}
}
