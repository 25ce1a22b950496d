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

	long CKR_PIN_INCORRECT = 0xA0;
	long CKR_PIN_LEN_RANGE = 0xA2;
	long CKR_PIN_LOCKED = 0xA4;
	long CKR_SESSION_HANDLE_INVALID = 0xB3;
	long CKR_USER_ALREADY_LOGGED_IN = 0x100;

	long CKF_TOKEN_PRESENT = 0x1;
	long CKF_USER_PIN_INITIALIZED = 0x8;
	long CKF_TOKEN_INITIALIZED = 0x400;
	long CKF_USER_PIN_COUNT_LOW = 0x10000;
	long CKF_USER_PIN_FINAL_TRY = 0x20000;
	long CKF_USER_PIN_LOCKED = 0x40000;

	long CKF_RW_SESSION = 0x2;
	long CKF_SERIAL_SESSION = 0x4;
	long CKU_SO = 0;
	long CKU_USER = 1;

	long CKO_DATA = 0;
	long CKO_CERTIFICATE = 1;
	long CKO_PUBLIC_KEY = 2;
	long CKO_PRIVATE_KEY = 3;
	long CKK_RSA = 0;
	long CKK_EC = 3;
	long CKC_X_509 = 0;
	long CKM_RSA_PKCS_KEY_PAIR_GEN = 0x0;
	long CKM_RSA_PKCS = 0x1;
	long CKM_EC_KEY_PAIR_GEN = 0x1040;
	long CKM_ECDSA = 0x1041;
	long CKA_CERTIFICATE_TYPE = 0x80;
	long CKA_ISSUER = 0x81;
	long CKA_SERIAL_NUMBER = 0x82;
	long CKA_KEY_TYPE = 0x100;
	long CKA_SUBJECT = 0x101;
	long CKA_ID = 0x102;
	long CKA_SENSITIVE = 0x103;
	long CKA_SIGN = 0x108;
	long CKA_VERIFY = 0x10A;
	long CKA_MODULUS = 0x120;
	long CKA_MODULUS_BITS = 0x121;
	long CKA_PUBLIC_EXPONENT = 0x122;
	long CKA_EXTRACTABLE = 0x162;
	long CKA_EC_PARAMS = 0x180;
	long CKA_EC_POINT = 0x181;
	long CKA_CLASS = 0x0;
	long CKA_TOKEN = 0x1;
	long CKA_PRIVATE = 0x2;
	long CKA_LABEL = 0x3;
	long CKA_APPLICATION = 0x10;
	long CKA_VALUE = 0x11;

	NativeLong C_Initialize(Pointer initArgs);

	NativeLong C_Finalize(Pointer reserved);

	NativeLong C_InitToken(NativeLong slotId, byte[] soPin, NativeLong soPinLen, byte[] label);

	NativeLong C_OpenSession(NativeLong slotId, NativeLong flags, Pointer application, Pointer notify,
			NativeLongByReference session);

	NativeLong C_CloseSession(NativeLong session);

	NativeLong C_Login(NativeLong session, NativeLong userType, byte[] pin, NativeLong pinLen);

	NativeLong C_Logout(NativeLong session);

	NativeLong C_InitPIN(NativeLong session, byte[] pin, NativeLong pinLen);

	NativeLong C_SetPIN(NativeLong session, byte[] oldPin, NativeLong oldLen, byte[] newPin, NativeLong newLen);

	NativeLong C_CreateObject(NativeLong session, Attribute[] template, NativeLong count, NativeLongByReference object);

	NativeLong C_DestroyObject(NativeLong session, NativeLong object);

	NativeLong C_FindObjectsInit(NativeLong session, Attribute[] template, NativeLong count);

	NativeLong C_FindObjects(NativeLong session, NativeLong[] objects, NativeLong max, NativeLongByReference count);

	NativeLong C_FindObjectsFinal(NativeLong session);

	NativeLong C_GetAttributeValue(NativeLong session, NativeLong object, Attribute[] template, NativeLong count);

	NativeLong C_GenerateKeyPair(NativeLong session, Mechanism mechanism, Attribute[] publicTemplate,
			NativeLong publicCount, Attribute[] privateTemplate, NativeLong privateCount, NativeLongByReference publicKey,
			NativeLongByReference privateKey);

	NativeLong C_SignInit(NativeLong session, Mechanism mechanism, NativeLong key);

	NativeLong C_Sign(NativeLong session, byte[] data, NativeLong dataLen, byte[] signature, NativeLongByReference signatureLen);

	long CKF_OS_LOCKING_OK = 0x2;

	/** CK_C_INITIALIZE_ARGS: no mutex callbacks, the OS's locks. */
	@Structure.FieldOrder({ "createMutex", "destroyMutex", "lockMutex", "unlockMutex", "flags", "reserved" })
	class InitializeArgs extends Structure {
		public Pointer createMutex;
		public Pointer destroyMutex;
		public Pointer lockMutex;
		public Pointer unlockMutex;
		public NativeLong flags;
		public Pointer reserved;
	}

	@Structure.FieldOrder({ "mechanism", "pParameter", "ulParameterLen" })
	class Mechanism extends Structure {
		public NativeLong mechanism;
		public Pointer pParameter;
		public NativeLong ulParameterLen;

		public Mechanism() {
		}

		public Mechanism(long type) {
			this.mechanism = new NativeLong(type);
			this.ulParameterLen = new NativeLong(0);
		}
	}

	@Structure.FieldOrder({ "type", "pValue", "ulValueLen" })
	class Attribute extends Structure {
		public NativeLong type;
		public Pointer pValue;
		public NativeLong ulValueLen;
	}

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
