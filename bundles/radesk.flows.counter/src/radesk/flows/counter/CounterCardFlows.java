package radesk.flows.counter;

import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import radesk.api.ServiceException;
import radesk.api.staff.CardDesk;
import radesk.api.staff.FormDesk;
import radesk.api.staff.NewCard;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;

/**
 * The counter's card flows for its screens: always over the highest-ranked records (the RA
 * server's in connected mode, else the embedded service's) and this workstation's reader.
 */
@Component(service = CounterCardFlows.class)
public final class CounterCardFlows {

	@Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile CardDesk cards;
	@Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile FormDesk forms;
	@Reference
	private CardTerminal terminal;

	public NewCard personalize(Actor clerk, long subscriberId, long slotId, Consumer<CardDesk.Step> progress)
			throws ServiceException {
		return new PersonalizeCard(cards, terminal).run(clerk, subscriberId, slotId, progress);
	}

	public NewCard unlockPin(Actor clerk, long formId) throws ServiceException {
		return new UnlockPin(forms, terminal).run(clerk, formId);
	}
}
