package radesk.ui.subscriber.account;

import java.util.Arrays;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import radesk.api.SubscriberRa;
import radesk.client.RaClient;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;

/** 變更網站密碼: the old password, the new one twice; the server checks (Argon2id there) in a Job, off the UI thread. */
final class PasswordChangeGroup {

	private final Supplier<RaClient> client;
	private final Text oldPassword;
	private final Text newPassword;
	private final Text confirm;
	private final Button submit;
	private final Label outcome;

	PasswordChangeGroup(Composite parent, Supplier<RaClient> client) {
		this.client = client;
		Group change = new Group(parent, SWT.NONE);
		change.setText(Messages.password_heading);
		change.setLayout(new GridLayout(2, false));
		change.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		oldPassword = Forms.labelledText(change, Messages.password_old, "password.old", SWT.PASSWORD, 200);
		newPassword = Forms.labelledText(change, Messages.password_new, "password.new", SWT.PASSWORD, 200);
		confirm = Forms.labelledText(change, Messages.password_confirm, "password.confirm", SWT.PASSWORD, 200);
		Label policy = new Label(change, SWT.WRAP);
		policy.setText(Messages.password_policy);
		GridData policyData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		policyData.widthHint = 360;
		policy.setLayoutData(policyData);
		submit = WidgetIds.name(new Button(change, SWT.PUSH), "password.submit");
		submit.setText(Messages.password_submit);
		submit.addListener(SWT.Selection, e -> change());
		outcome = WidgetIds.name(new Label(change, SWT.WRAP), "password.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
	}

	private void change() {
		RaClient me = client.get();
		if (me == null || !me.loggedIn()) {
			say(Messages.account_not_logged_in);
			return;
		}
		char[] old = oldPassword.getText().toCharArray();
		char[] fresh = newPassword.getText().toCharArray();
		char[] again = confirm.getText().toCharArray();
		submit.setEnabled(false);
		say(Messages.login_checking);
		Job.create(Messages.password_heading, monitor -> {
			String said;
			boolean changed = false;
			try {
				me.changePassword(old, fresh, again);
				said = Messages.password_changed;
				changed = true;
			} catch (SubscriberRa.Refused e) {
				said = Messages.refusal(e.code, e.triesLeft);
			} catch (Exception e) {
				said = Messages.noServer(e);
			} finally {
				Arrays.fill(old, '\0');
				Arrays.fill(fresh, '\0');
				Arrays.fill(again, '\0');
			}
			String shown = said;
			boolean done = changed;
			outcome.getDisplay().asyncExec(() -> {
				if (!outcome.isDisposed()) {
					if (done) {
						oldPassword.setText("");
						newPassword.setText("");
						confirm.setText("");
					}
					submit.setEnabled(true);
					say(shown);
				}
			});
			return Status.OK_STATUS;
		}).schedule();
	}

	private void say(String text) {
		outcome.setText(text);
		outcome.getParent().layout();
	}
}
