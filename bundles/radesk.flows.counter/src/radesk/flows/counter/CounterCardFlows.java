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
	@Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile radesk.api.staff.StaffCardDesk staffCards;
	@Reference
	private CardTerminal terminal;

	/** 發給員工卡: the blank card in {@code slotId} made {@code account}'s staff card under the PIN its holder typed. */
	public String issueStaffCard(Actor administrator, String account, long slotId, char[] pin,
			Consumer<IssueStaffCard.Step> progress) throws ServiceException {
		return new IssueStaffCard(staffCards, terminal).run(administrator, account, slotId, pin, progress);
	}

	/** 登入 with the staff card {@code cardSerial} (its PIN) besides the password, at {@code staff} (the RA's sign-in). */
	public Actor signInWithCard(radesk.api.staff.StaffDesk staff, String account, char[] password, radesk.core.access.Role as,
			String workstation, String cardSerial, char[] pin) throws ServiceException {
		return new StaffCardSignIn(staff, terminal).run(account, password, as, workstation, cardSerial, pin);
	}

	public NewCard personalize(Actor clerk, long subscriberId, long slotId, Consumer<CardDesk.Step> progress)
			throws ServiceException {
		return new PersonalizeCard(cards, terminal).run(clerk, subscriberId, slotId, progress);
	}

	public NewCard unlockPin(Actor clerk, long formId) throws ServiceException {
		return new UnlockPin(forms, terminal).run(clerk, formId);
	}
}
