package radesk.ui.common;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import radesk.api.CardAccessException;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.api.RaConnection;
import radesk.core.access.Actor;
import radesk.client.ServerSettings;

/**
 * The bottom line of every window: which RA service this workstation uses and what is in the
 * card reader. The reader is looked at again every few seconds, off the UI thread.
 */
public final class StatusLine {

	private static final long CARD_POLL_MS = 3000;

	@Inject
	@Optional
	RaConnection connection;

	@Inject
	@Optional
	CardReaders readers;

	@Inject
	@Optional
	Actor actor;

	@Inject
	UISynchronize sync;

	@Inject
	org.eclipse.e4.ui.model.application.MApplication application;

	private Label who;

	private Label service;
	private Label card;
	private Job poll;

	@PostConstruct
	void create(Composite parent) {
		GridLayout layout = new GridLayout(3, false);
		layout.marginHeight = 2;
		layout.horizontalSpacing = 24;
		parent.setLayout(layout);
		service = WidgetIds.name(new Label(parent, SWT.NONE), "status.service");
		service.setText(serviceText());
		if (application.getTags().contains(ServerSettings.TAG)) {
			service.setToolTipText(ServerSettings.address());
		} else if (connection != null) {
			service.setToolTipText(connection.location());
		}
		who = WidgetIds.name(new Label(parent, SWT.NONE), "status.who");
		who.setText(" ");
		card = WidgetIds.name(new Label(parent, SWT.NONE), "status.card");
		card.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		card.setText(" ");
		signedIn(actor);
		poll = Job.createSystem("card reader status", this::refreshCard);
		poll.schedule();
	}

	/** Re-injected whenever another member of staff signs in at this workstation. */
	@Inject
	void signedIn(@Optional Actor actor) {
		if (who == null || who.isDisposed()) {
			return;
		}
		who.setText(actor == null ? " "
				: NLS.bind(Messages.status_signed_in, new Object[] { actor.account(), Messages.role(actor.role()), actor.workstation() }));
		who.getParent().layout();
	}

	private String serviceText() {
		if (application.getTags().contains(ServerSettings.TAG)) {
			// the subscriber edition: always the RA server of its settings
			return NLS.bind(Messages.status_service_server, ServerSettings.hostAndPort());
		}
		if (connection == null) {
			return Messages.status_service_none;
		}
		// the database path can be long: the line names the mode, the tooltip gives the place
		return connection.mode() == RaConnection.Mode.EMBEDDED ? Messages.status_service_embedded
				: NLS.bind(Messages.status_service_remote, connection.location());
	}

	private IStatus refreshCard(IProgressMonitor monitor) {
		String text = cardText();
		// the server's address may have been changed in the preferences meanwhile
		String serviceNow = serviceText();
		sync.asyncExec(() -> {
			if (!card.isDisposed() && !text.equals(card.getText())) {
				card.setText(text);
				card.getParent().layout();
				card.getParent().getParent().layout();
			}
			if (!service.isDisposed() && !serviceNow.equals(service.getText())) {
				service.setText(serviceNow);
				if (application.getTags().contains(ServerSettings.TAG)) {
					service.setToolTipText(ServerSettings.address());
				}
				service.getParent().layout();
			}
		});
		if (!monitor.isCanceled()) {
			poll.schedule(CARD_POLL_MS);
		}
		return Status.OK_STATUS;
	}

	private String cardText() {
		if (readers == null) {
			return NLS.bind(Messages.status_card_none, "-");
		}
		try {
			List<CardSlot> slots = readers.slots();
			CardSlot shown = slots.stream().filter(CardSlot::initialized).findFirst()
					.orElse(slots.stream().filter(CardSlot::cardPresent).findFirst().orElse(null));
			if (shown == null) {
				return slots.isEmpty() ? NLS.bind(Messages.status_card_none, readers.module())
						: NLS.bind(Messages.status_card_no_card, slots.get(0).reader());
			}
			if (!shown.initialized()) {
				return NLS.bind(Messages.status_card_blank, shown.reader());
			}
			return NLS.bind(Messages.status_card_present, new Object[] { shown.reader(), shown.tokenLabel(), shown.serial() });
		} catch (CardAccessException e) {
			return e.reason() == CardAccessException.Reason.MODULE_NOT_FOUND
					? NLS.bind(Messages.status_card_module_missing, readers.module())
					: NLS.bind(Messages.status_card_error, e.getMessage());
		}
	}

	@PreDestroy
	void dispose() {
		if (poll != null) {
			poll.cancel();
		}
	}
}
