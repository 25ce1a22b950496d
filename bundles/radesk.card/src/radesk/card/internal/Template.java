package radesk.card.internal;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;

/** A PKCS#11 attribute template, built up one attribute at a time and laid out for the C API. */
final class Template {

	private final List<long[]> types = new ArrayList<>();
	private final List<byte[]> values = new ArrayList<>();

	Template bytes(long type, byte[] value) {
		types.add(new long[] { type });
		values.add(value);
		return this;
	}

	Template bool(long type, boolean value) {
		return bytes(type, new byte[] { (byte) (value ? 1 : 0) });
	}

	Template ulong(long type, long value) {
		Memory m = new Memory(NativeLong.SIZE);
		m.setNativeLong(0, new NativeLong(value));
		return bytes(type, m.getByteArray(0, NativeLong.SIZE));
	}

	int size() {
		return types.size();
	}

	NativeLong count() {
		return new NativeLong(types.size());
	}

	/** The contiguous CK_ATTRIBUTE array the module reads; the values stay alive with it. */
	Cryptoki.Attribute[] array() {
		Cryptoki.Attribute[] a = (Cryptoki.Attribute[]) new Cryptoki.Attribute().toArray(Math.max(1, types.size()));
		for (int i = 0; i < types.size(); i++) {
			byte[] v = values.get(i);
			Memory m = new Memory(Math.max(1, v.length));
			m.write(0, v, 0, v.length);
			a[i].type = new NativeLong(types.get(i)[0]);
			a[i].pValue = m;
			a[i].ulValueLen = new NativeLong(v.length);
			a[i].write();
		}
		return a;
	}
}
