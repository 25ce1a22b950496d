package radesk.ui.subscriber.account;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

import radesk.api.SubscriberRa;
import radesk.client.RaClient;
import radesk.ui.common.Background;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;

/**
 * 晶片卡遺失（暫禁）: logged in with the website password — the card is gone — the subscriber puts
 * every certificate of theirs in use on hold at once, after ticking that the card is really lost.
 * The RA server does it in one go and publishes it; the list of certificates is read again. Taking
 * it off hold (恢復使用) or revoking it is done at the RA counter. The call runs in a Job.
 */
final class LostCardGroup {

	private final Supplier<RaClient> client;
	private final Consumer<List<SubscriberRa.Certificate>> shown;
	private final Button sure;
	private final Button suspend;
	private final Label outcome;

	LostCardGroup(Composite parent, Supplier<RaClient> client, Consumer<List<SubscriberRa.Certificate>> shown) {
		this.client = client;
		this.shown = shown;
		Group group = new Group(parent, SWT.NONE);
		group.setText(Messages.text("lost_heading"));
		group.setLayout(new GridLayout(2, false));
		group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		Label what = new Label(group, SWT.WRAP);
		what.setText(Messages.text("lost_explained"));
		GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		wide.widthHint = 420;
		what.setLayoutData(wide);
		sure = WidgetIds.name(new Button(group, SWT.CHECK), "lost.sure");
		sure.setText(Messages.text("lost_sure"));
		suspend = WidgetIds.name(new Button(group, SWT.PUSH), "lost.suspend");
		suspend.setText(Messages.text("lost_suspend"));
		suspend.addListener(SWT.Selection, e -> report());
		outcome = WidgetIds.name(new Label(group, SWT.WRAP), "lost.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
	}

	private void report() {
		RaClient me = client.get();
		if (me == null || !me.loggedIn()) {
			say(Messages.account_not_logged_in);
			return;
		}
		if (!sure.getSelection()) {
			say(Messages.text("lost_tick_first"));
			return;
		}
		say(Messages.login_checking);
		record Done(List<String> held, List<SubscriberRa.Certificate> mine) {
		}
		Background.of(outcome, Messages.text("lost_heading")).disabling(suspend, sure)
				.onFailure(e -> say(Messages.refusal("INTERNAL", -1))).run(() -> {
					List<String> held = me.reportLost();
					try {
						return new Done(held, me.certificates());
					} catch (SubscriberRa.Refused refused) {
						if (!"NOT_LOGGED_IN".equals(refused.code)) {
							throw refused;
						}
						// logged in with the card of a certificate now on hold: that session ended with it
						return new Done(held, null);
					}
				}, done -> {
					sure.setSelection(false);
					if (done.mine() != null) {
						shown.accept(done.mine());
					}
					say((done.held().isEmpty() ? Messages.text("lost_none")
							: NLS.bind(Messages.text("lost_done"), String.join("、", done.held())))
							+ (done.mine() == null ? " " + Messages.text("lost_logged_out") : ""));
				}, (Exception e) -> say(Messages.notDone(e)));
	}

	private void say(String text) {
		outcome.setText(text);
		outcome.getParent().layout();
		radesk.ui.common.Forms.reveal(outcome);
	}
}
