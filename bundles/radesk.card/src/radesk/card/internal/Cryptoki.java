package radesk.card.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.NativeLongByReference;

/**
 * The part of the PKCS#11 2.40 C API that the JDK's SunPKCS11 provider does not offer:
 * slots and token information (and, for personalization, token initialization). Linux and
 * Windows x86_64 lay the structures out with natural alignment; CK_ULONG is a C long.
 */
public interface Cryptoki extends Library {

	long CKR_OK = 0x0;
	long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
	long CKR_TOKEN_NOT_PRESENT = 0xE0;
	long CKR_DEVICE_REMOVED = 0x32;
	long CKR_SLOT_ID_INVALID = 0x3;

	long CKF_TOKEN_PRESENT = 0x1;
	long CKF_TOKEN_INITIALIZED = 0x400;

	NativeLong C_Initialize(Pointer initArgs);

	NativeLong C_GetSlotList(byte tokenPresent, NativeLong[] slotList, NativeLongByReference count);

	NativeLong C_GetSlotInfo(NativeLong slotId, SlotInfo info);

	NativeLong C_GetTokenInfo(NativeLong slotId, TokenInfo info);

	@Structure.FieldOrder({ "major", "minor" })
	class Version extends Structure {
		public byte major;
		public byte minor;
	}

	@Structure.FieldOrder({ "slotDescription", "manufacturerID", "flags", "hardwareVersion", "firmwareVersion" })
	class SlotInfo extends Structure {
		public byte[] slotDescription = new byte[64];
		public byte[] manufacturerID = new byte[32];
		public NativeLong flags;
		public Version hardwareVersion;
		public Version firmwareVersion;
	}

	@Structure.FieldOrder({ "label", "manufacturerID", "model", "serialNumber", "flags", "ulMaxSessionCount",
			"ulSessionCount", "ulMaxRwSessionCount", "ulRwSessionCount", "ulMaxPinLen", "ulMinPinLen",
			"ulTotalPublicMemory", "ulFreePublicMemory", "ulTotalPrivateMemory", "ulFreePrivateMemory",
			"hardwareVersion", "firmwareVersion", "utcTime" })
	class TokenInfo extends Structure {
		public byte[] label = new byte[32];
		public byte[] manufacturerID = new byte[32];
		public byte[] model = new byte[16];
		public byte[] serialNumber = new byte[16];
		public NativeLong flags;
		public NativeLong ulMaxSessionCount;
		public NativeLong ulSessionCount;
		public NativeLong ulMaxRwSessionCount;
		public NativeLong ulRwSessionCount;
		public NativeLong ulMaxPinLen;
		public NativeLong ulMinPinLen;
		public NativeLong ulTotalPublicMemory;
		public NativeLong ulFreePublicMemory;
		public NativeLong ulTotalPrivateMemory;
		public NativeLong ulFreePrivateMemory;
		public Version hardwareVersion;
		public Version firmwareVersion;
		public byte[] utcTime = new byte[16];
	}

	/** PKCS#11 pads text fields with blanks to their full width and does not end them with a zero. */
	static String text(byte[] padded) {
		return new String(padded, java.nio.charset.StandardCharsets.UTF_8).strip();
	}
}
