// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
// The API's types: interfaces for objects, literal unions for enums (open to values the
// server adds later), `| null` where the API sends null, `?` where it may leave a value out.

/**
 * A postal address.
 */
export interface Address {
  /**
   * Street and number.
   */
  street: string;
  /**
   * City.
   */
  city: string;
  /**
   * Postal code (kept as text).
   */
  postal_code?: string;
  /**
   * ISO 3166-1 alpha-2 country code.
   */
  country: string;
}

/**
 * Who created a record and when it changed.
 */
export interface AuditInfo {
  /**
   * User or system that created the record.
   */
  "created-by": string;
  /**
   * When the record was created.
   */
  created_at: string;
  /**
   * When the record last changed; null if never.
   */
  updated_at?: string | null;
}

/**
 * A cat.
 */
export interface Cat {
  /**
   * Discriminator, always `cat`.
   */
  pet_type: "cat";
  /**
   * Server-assigned pet id.
   */
  id?: number;
  /**
   * The cat's name.
   */
  name: string;
  /**
   * Optional nickname; null when it has none.
   */
  nickname?: string | null;
  /**
   * Number of lives the cat has left.
   */
  lives_left?: number;
  /**
   * Whether the cat lives indoors.
   */
  indoor?: boolean;
  /**
   * Availability in the shop.
   */
  status?: PetStatus;
  /**
   * When the pet was added.
   */
  created_at?: string;
}

/**
 * A pet category; categories form a tree.
 */
export interface Category {
  /**
   * Category id.
   */
  id: number;
  /**
   * Category name.
   */
  name: string;
  /**
   * Sub-categories of this category.
   */
  children: Array<Category>;
}

/**
 * An order request.
 */
export interface CreateOrderBody {
  /**
   * The pet to order.
   */
  pet_id: number;
  /**
   * How many to order.
   */
  quantity?: number;
  /**
   * Order priority.
   */
  priority?: Priority;
  /**
   * Free-text note for the store.
   */
  note?: string | null;
}

/**
 * A department; members point back to departments (mutual recursion).
 */
export interface Department {
  /**
   * Department id.
   */
  id: number;
  /**
   * Department name.
   */
  name: string;
  /**
   * Employees in the department.
   */
  members: Array<Employee>;
}

/**
 * A dog.
 */
export interface Dog {
  /**
   * Discriminator, always `dog`.
   */
  pet_type: "dog";
  /**
   * Server-assigned pet id.
   */
  id?: number;
  /**
   * The dog's name.
   */
  name: string;
  /**
   * The dog's breed.
   */
  breed?: string;
  /**
   * Date of birth.
   */
  birth_date?: string;
  /**
   * Optional nickname; null when it has none.
   */
  nickname?: string | null;
  /**
   * Availability in the shop.
   */
  status?: PetStatus;
  /**
   * Free-form tags.
   */
  tags?: Array<string>;
  /**
   * The category the dog belongs to.
   */
  category?: Category;
  /**
   * Weight in kilograms.
   */
  weight_kg?: number;
  /**
   * Code from the old system; use `id` instead.
   */
  legacy_code?: string;
  /**
   * When the pet was added.
   */
  created_at?: string;
}

/**
 * An employee, optionally with the department they manage.
 */
export interface Employee {
  /**
   * Employee id.
   */
  id: number;
  /**
   * Full name.
   */
  name: string;
  /**
   * The department this employee manages, or null.
   */
  manages?: Department | null;
}

/**
 * An error returned by the API.
 */
export interface ErrorSchema {
  /**
   * HTTP status code of the error.
   */
  code: number;
  /**
   * Human-readable error message.
   */
  message: string;
  /**
   * Extra detail about the error, if any.
   */
  details?: string | null;
}

/**
 * An order for a pet.
 */
export interface Order {
  /**
   * Server-assigned order id.
   */
  id: string;
  /**
   * The ordered pet.
   */
  pet_id: number;
  /**
   * How many were ordered.
   */
  quantity: number;
  /**
   * Order priority.
   */
  priority?: Priority;
  /**
   * Progress of the order.
   */
  status: OrderStatus;
  /**
   * Reference of the order.
   */
  reference?: OrderReference;
  /**
   * When the order was placed.
   */
  placed_at?: string;
  /**
   * Planned shipping date; null while unknown.
   */
  ship_date?: string | null;
  /**
   * Free-text note for the store.
   */
  note?: string | null;
}

/**
 * An order reference, either a text code or a legacy numeric id.
 */
export type OrderReference = string | number;

/**
 * Progress of an order: `placed`, `in-progress` (being prepared), `2nd-attempt` (delivery is being retried) or `delivered`.
 */
export type OrderStatus = "placed" | "in-progress" | "2nd-attempt" | "delivered" | (string & {});

/**
 * A pet, either a dog or a cat, told apart by `pet_type`.
 */
export type Pet = Dog | Cat;

/**
 * Availability of a pet in the shop.
 */
export type PetStatus = "available" | "pending" | "sold" | (string & {});

/**
 * Order priority, 1 (low), 2 (normal) or 3 (high).
 */
export type Priority = 1 | 2 | 3 | (number & {});

/**
 * Reaction counts, GitHub style.
 */
export interface Reactions {
  /**
   * Total number of reactions.
   */
  total_count: number;
  /**
   * Thumbs-up count.
   */
  "+1"?: number;
  /**
   * Thumbs-down count.
   */
  "-1"?: number;
  /**
   * Laugh count.
   */
  laugh?: number;
}

/**
 * A store, composed of its description and its audit data.
 */
export interface Store {
  /**
   * Short code of the store.
   */
  code: string;
  /**
   * Display name of the store.
   */
  name: string;
  /**
   * Where the store is.
   */
  address: Address;
  /**
   * Daily opening hours (nested inline object).
   */
  opening_hours?: StoreInfoOpeningHours;
  /**
   * Free-form string labels.
   */
  labels?: { [key: string]: string };
  /**
   * User or system that created the record.
   */
  "created-by": string;
  /**
   * When the record was created.
   */
  created_at: string;
  /**
   * When the record last changed; null if never.
   */
  updated_at?: string | null;
}

/**
 * The descriptive part of a store.
 */
export interface StoreInfo {
  /**
   * Short code of the store.
   */
  code: string;
  /**
   * Display name of the store.
   */
  name: string;
  /**
   * Where the store is.
   */
  address: Address;
  /**
   * Daily opening hours (nested inline object).
   */
  opening_hours?: StoreInfoOpeningHours;
  /**
   * Free-form string labels.
   */
  labels?: { [key: string]: string };
}

/**
 * Daily opening hours (nested inline object).
 */
export interface StoreInfoOpeningHours {
  /**
   * Opening time, HH:MM.
   */
  open: string;
  /**
   * Closing time, HH:MM.
   */
  close: string;
}

/**
 * A user's profile; several fields have wire names that are not identifiers.
 */
export interface UserProfile {
  /**
   * Unique id of the user.
   */
  user_id: string;
  /**
   * Login name.
   */
  username: string;
  /**
   * Membership class, e.g. gold.
   */
  class?: string;
  /**
   * Whether two-factor authentication is on.
   */
  "2fa_enabled"?: boolean;
  /**
   * What created the account.
   */
  "created-by"?: string;
  /**
   * Reactions the user's posts received.
   */
  reactions?: Reactions;
  /**
   * Base64-encoded avatar image.
   */
  avatar?: string;
  /**
   * Reputation score.
   */
  score?: number;
  /**
   * Date the user joined.
   */
  joined_on?: string;
  /**
   * Last activity; null if never seen.
   */
  last_seen?: string | null;
  /**
   * User preferences as string key/value pairs.
   */
  preferences?: { [key: string]: string };
}
