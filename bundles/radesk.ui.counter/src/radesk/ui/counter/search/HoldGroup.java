package radesk.ui.counter.search;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import radesk.api.ServiceException;
import radesk.api.staff.SearchDesk.CertificateLine;
import radesk.api.staff.SuspensionDesk;
import radesk.core.access.Actor;
import radesk.ui.common.Background;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/**
 * 暫禁 / 恢復使用 in the person's story: one of their certificates chosen, why, and 暫禁 (a card
 * reported lost: on hold at once) or 恢復使用 (the card found and the person checked; an RA officer
 * other than whoever suspended it). The service decides who may and audits it; the story is read
 * again after. A certificate that is not found revoked goes through the revocation form.
 */
final class HoldGroup {

	private final SuspensionDesk desk;
	private final Supplier<Actor> actor;
	private final Runnable reread;
	private final Combo certificate;
	private final Text note;
	private final Button suspend;
	private final Button resume;
	private final Label outcome;
	private List<CertificateLine> shown = List.of();

	HoldGroup(Composite parent, SuspensionDesk desk, Supplier<Actor> actor, Runnable reread) {
		this.desk = desk;
		this.actor = actor;
		this.reread = reread;
		Group group = new Group(parent, SWT.NONE);
		group.setText(Messages.text("hold_heading"));
		group.setLayout(new GridLayout(4, false));
		group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
		new Label(group, SWT.NONE).setText(Messages.text("hold_certificate"));
		certificate = WidgetIds.name(new Combo(group, SWT.READ_ONLY), "story.hold.certificate");
		certificate.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		certificate.addListener(SWT.Selection, e -> enable());
		note = Forms.labelledText(group, Messages.text("hold_note"), "story.hold.note", SWT.NONE, 260);
		note.setTextLimit(200); // what the service takes
		suspend = WidgetIds.name(new Button(group, SWT.PUSH), "story.hold.suspend");
		suspend.setText(Messages.text("hold_suspend"));
		suspend.addListener(SWT.Selection, e -> act(true));
		resume = WidgetIds.name(new Button(group, SWT.PUSH), "story.hold.resume");
		resume.setText(Messages.text("hold_resume"));
		resume.addListener(SWT.Selection, e -> act(false));
		outcome = WidgetIds.name(new Label(group, SWT.WRAP), "story.hold.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		enable();
	}

	void show(List<CertificateLine> certificates) {
		shown = certificates;
		certificate.removeAll();
		for (CertificateLine c : certificates) {
			certificate.add(c.identifier() + " \u00b7 " + Messages.text("certificate_state_" + c.state()));
		}
		if (!certificates.isEmpty()) {
			certificate.select(0);
		}
		enable();
	}

	void clear() {
		show(List.of());
		outcome.setText("");
	}

	/** 暫禁 for one in use, 恢復使用 for one on hold. */
	private void enable() {
		CertificateLine c = chosen();
		String state = c == null ? "" : c.state();
		suspend.setEnabled(state.equals("ON_CARD") || state.equals("ISSUED_NOT_ON_CARD"));
		resume.setEnabled(state.equals("SUSPENDED"));
	}

	private CertificateLine chosen() {
		int i = certificate.getSelectionIndex();
		return i < 0 || i >= shown.size() ? null : shown.get(i);
	}

	private void act(boolean hold) {
		CertificateLine c = chosen();
		if (c == null) {
			return;
		}
		Actor who = actor.get();
		String why = note.getText().strip(); // read here; the Job only sends it
		Background.of(certificate, Messages.text("job_hold")).disabling(suspend, resume).run(() -> {
			if (hold) {
				desk.suspend(who, c.serial(), why);
			} else {
				desk.resume(who, c.serial(), why);
			}
			return c;
		}, done -> {
			note.setText("");
			reread.run();
			outcome.setText(NLS.bind(Messages.text(hold ? "hold_suspended" : "hold_resumed"), done.identifier()));
			outcome.getParent().layout();
		}, (ServiceException e) -> {
			outcome.setText(Messages.refusal(e));
			outcome.getParent().layout();
		});
	}
}
