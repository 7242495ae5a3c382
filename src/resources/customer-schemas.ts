import * as z from '../core/reader.js';
import { builtOnFirstUse, echoedText, freeText, maybe, optionalField, text } from '../core/schema.js';

/** Whether the customer is a person or a company. */
export type CustomerType = 'individual' | 'business';

/** How deeply bfinance verifies the customer. */
export type VerificationLevel = 'minimum' | 'basic' | 'advanced';

/** Verification status of a customer; open to values the API may add. */
export type CustomerStatus =
  | 'pending'
  | 'active'
  | 'rejected'
  | 'needs_information'
  | 'update_requested'
  | 'on_hold'
  | (string & {});

/** A product a customer can be given access to. */
export type AccessType = 'cards' | 'virtual-account';

/** Status of a product-access request; open to values the API may add. */
export type FeatureAccessStatus = 'requested' | 'granted' | 'rejected' | (string & {});

/** A postal address sent when creating a customer. */
export interface CustomerAddressInput {
  /** Street and number. */
  line1?: string;
  /** Apartment, suite, building. */
  line2?: string;
  /** City. */
  city?: string;
  /** State, region or province. */
  state?: string;
  /** Country code. */
  countryCode?: string;
  /** Postal or ZIP code. */
  postalCode?: string;
}

/** An identity document verified by your own provider. */
export interface IdentityDocumentInput {
  /** Kind of document. */
  type: 'passport' | 'driverLicense' | 'idCard' | 'residencePermit';
  /** Country that issued the document. */
  issuingCountry?: string;
  /** Front image, encoded as bfinance expects (base64 in practice). */
  imageFront?: string;
  /** Back image, when the document has one. */
  imageBack?: string;
  /** MIME type of the images, e.g. `image/jpeg`. */
  contentType?: string;
}

/** A supporting document such as a proof of address. */
export interface OtherDocumentInput {
  /** Kind of document. */
  type: 'proofOfAddress';
  /** Country that issued the document. */
  issuingCountry?: string;
  /** The document content, encoded as bfinance expects (base64 in practice). */
  content?: string;
  /** MIME type of `content`, e.g. `application/pdf`. */
  contentType?: string;
}

/**
 * What `customers.create` sends. With only `type` (and `level`) bfinance runs the verification
 * itself and answers with a hosted link in `sumsub.url`; send verified data and documents, or a
 * Sumsub share token, when you verify the customer yourself.
 */
export interface CreateCustomerParams {
  /** A person or a company. */
  type: CustomerType;
  /** Verification level to run. */
  level?: VerificationLevel;
  /** A Sumsub Reusable-KYC share token, when you already verified the customer with Sumsub. */
  sumsubShareToken?: string;
  /** Legal first name, as on the identity document (placeholder names get rejected). */
  firstName?: string;
  /** Legal last name, as on the identity document. */
  lastName?: string;
  /** Date of birth, `YYYY-MM-DD`. */
  birthDate?: string;
  /** Nationality as an ISO 3166-1 alpha-3 code, e.g. `DEU`. */
  nationality?: string;
  /** National id or tax id. */
  nationalId?: string;
  /** Residential address. */
  address?: CustomerAddressInput;
  /** Phone number. */
  phone?: string;
  /** Email address. */
  email?: string;
  /** An identity document you verified yourself (you must also have run liveness). */
  identityDocuments?: IdentityDocumentInput;
  /** A supporting document, e.g. a proof of address. */
  otherDocuments?: OtherDocumentInput;
}

/** A reply's form of an input: every field may be absent or `null`. */
type AsReplied<T> = { [K in keyof T]?: T[K] | null | undefined };

/** An address as the API returns it; older responses use `country` and `zipCode`. */
export interface CustomerAddress extends AsReplied<CustomerAddressInput> {
  /** Country code (older responses). */
  country?: string | null | undefined;
  /** Postal code (older responses). */
  zipCode?: string | null | undefined;
}

/** The personal data bfinance holds for an individual customer [SDK]; names are redacted text. */
export interface IndividualData
  extends AsReplied<
    Pick<
      CreateCustomerParams,
      'firstName' | 'lastName' | 'birthDate' | 'nationality' | 'nationalId' | 'email' | 'phone'
    >
  > {
  /** Verification level asked for. */
  level?: VerificationLevel | (string & {}) | null | undefined;
  /** Residential address. */
  address?: CustomerAddress | null | undefined;
}

/** A customer's access to one product [SDK]. */
export interface FeatureAccess {
  /** Id of the access entry. Wire `id`. */
  id: string;
  /** The product; settles an access request, so it is required. Wire `type`. */
  type: AccessType | (string & {});
  /** Card-type id (a `typeId`), for `cards` access. Wire `cardType`. */
  cardType?: string | null | undefined;
  /** `requested` until bfinance decides, then `granted` or `rejected` (`null` reads as absent). Wire `status`. */
  status?: FeatureAccessStatus | undefined;
  /** Why the access was rejected (redacted text). Wire `rejectionReasons`. */
  rejectionReasons?: string[] | null | undefined;
}

/** A customer, as `customers.create` and `customers.retrieve` return it [SDK]. */
export interface Customer {
  /** The customer id; pass it as `customerId` when issuing cards. */
  id: string;
  /** A person or a company. */
  type?: CustomerType | (string & {}) | null | undefined;
  /** Verification status; `waitUntilVerified` polls on it, so it is required. */
  status: CustomerStatus;
  /** Personal data of an individual customer. */
  individualData?: IndividualData | null | undefined;
  /** Product access requested or granted (`customers.retrieve`); `null` reads as absent. */
  featuresAccess?: FeatureAccess[] | undefined;
  /** The hosted verification link to send to the customer. */
  sumsub?:
    | {
        /** The link; send it to the customer. */
        url?: string | null | undefined;
      }
    | null
    | undefined;
  /** Why verification was rejected, when the API says (redacted text). */
  rejectionReasons?: string[] | null | undefined;
  /** Whether a rejected customer may submit again, when the API says. */
  canResubmit?: boolean | null | undefined;
}

/** What `customers.requestAccess` sends: `cards` access names the card type. */
export type AccessRequestParams =
  | {
      /** Access to a card program. */
      accessType: 'cards';
      /** The card-type id (a `typeId` from `client.cards.types()`). */
      cardType: string;
    }
  | {
      /** Access to virtual accounts. */
      accessType: 'virtual-account';
    };

/** The access request bfinance recorded [DOC request-feature-access]; it is decided asynchronously. */
export interface AccessRequest {
  /** The product asked for. */
  accessType?: AccessType | (string & {}) | null | undefined;
  /** The customer it was asked for. */
  customerId: string;
  /** The card-type id asked for, when the API echoes it. */
  cardType?: string | null | undefined;
  /** `requested` at first; poll `customers.retrieve` for `granted` or `rejected`. */
  status?: FeatureAccessStatus | null | undefined;
}

/** How `customers.waitUntilVerified` polls. */
export interface WaitUntilVerifiedOptions {
  /** Give up after this many milliseconds. Default 600000 (10 minutes). */
  timeoutMs?: number;
  /** Wait between polls, in milliseconds. Default 2000. */
  intervalMs?: number;
  /** Stops waiting (and the poll in flight). */
  signal?: AbortSignal;
}

const reasons = builtOnFirstUse(() => maybe(z.array(echoedText())));

// Personal data holds what was sent, and the address changed key names: nothing in it is drift.
const addressSchema: () => z.Schema<CustomerAddress, unknown> = builtOnFirstUse(() =>
  z.object({
    line1: optionalField(text()),
    line2: optionalField(text()),
    city: optionalField(text()),
    state: optionalField(text()),
    countryCode: optionalField(text()),
    postalCode: optionalField(text()),
    country: optionalField(text()),
    zipCode: optionalField(text()),
  }),
);

const individualDataSchema: () => z.Schema<IndividualData, unknown> = builtOnFirstUse(() =>
  z.object({
    level: optionalField(text()),
    firstName: optionalField(freeText()),
    lastName: optionalField(freeText()),
    birthDate: optionalField(text()),
    nationality: optionalField(text()),
    nationalId: optionalField(text()),
    address: optionalField(maybe(addressSchema())),
    email: optionalField(text()),
    phone: optionalField(text()),
  }),
);

const featureAccessSchema: () => z.Schema<FeatureAccess, unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.object({
      id: z.string(),
      type: z.string(),
      cardType: optionalField(text()),
      status: text(),
      rejectionReasons: optionalField(reasons()),
    }),
    z.transform(({ status, ...access }): FeatureAccess => {
      const out: FeatureAccess = access;
      if (typeof status === 'string') out.status = status;
      return out;
    }),
  ),
);

/** Schema of {@link Customer} [SDK]: `id` and `status` required, the rest tolerated. */
export const customerSchema: () => z.Schema<Customer, unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.object({
      id: z.string(),
      type: text(),
      status: z.string(),
      individualData: maybe(individualDataSchema()),
      // Retrieve sends featuresAccess; older create replies sent rejectionReasons and canResubmit.
      featuresAccess: optionalField(maybe(z.array(featureAccessSchema()))),
      sumsub: maybe(z.object({ url: text() })),
      rejectionReasons: optionalField(reasons()),
      canResubmit: optionalField(maybe(z.boolean())),
    }),
    z.transform(({ featuresAccess, ...customer }): Customer => {
      const out: Customer = customer;
      if (featuresAccess) out.featuresAccess = featuresAccess;
      return out;
    }),
  ),
);

/** Schema of {@link AccessRequest} [DOC]: only the `customerId` is required. */
export const accessRequestSchema: () => z.Schema<AccessRequest, unknown> = builtOnFirstUse(() =>
  z.object({
    accessType: text(),
    customerId: z.string(),
    cardType: optionalField(text()),
    status: text(),
  }),
);
