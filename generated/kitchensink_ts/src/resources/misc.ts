// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
import type { APIPromise, BaseClient, RequestOptions } from '../core.js';
import type * as Models from '../models.js';

export interface GetUserProfileParams {
  /**
   * The user's login name.
   */
  username: string;
  /**
   * Locale used for display fields, e.g. en-US.
   */
  locale: string;
}

export interface GetDepartmentParams {
  /**
   * Numeric id of the department.
   */
  departmentId: number;
  /**
   * How many levels of nesting to expand.
   */
  depth?: number;
}

/**
 * Categories, user profiles and the organisation chart.
 */
export class MiscResource {
  constructor(private readonly client: BaseClient) {}

  /**
   * List categories
   *
   * Returns the category tree. Does not require authentication.
   */
  listCategories(
    options?: RequestOptions,
  ): APIPromise<Array<Models.Category>> {
    return this.client.request<Array<Models.Category>>(
      {
        method: "GET",
        path: "/categories",
        responseKind: "json",
        authenticated: false,
      },
      options,
    );
  }

  /**
   * Get a user profile
   *
   * Returns a user's profile, whose fields have awkward wire names.
   */
  getUserProfile(
    params: GetUserProfileParams,
    options?: RequestOptions,
  ): APIPromise<Models.UserProfile> {
    return this.client.request<Models.UserProfile>(
      {
        method: "GET",
        path: this.client.buildPath("/profiles/{username}", {
          username: params.username,
        }),
        query: [
          { name: "locale", value: params.locale, style: "form", explode: true },
        ],
        responseKind: "json",
      },
      options,
    );
  }

  /**
   * Get a department
   *
   * Returns a department with its members; each member may point back to a department. (No example on purpose.)
   */
  getDepartment(
    params: GetDepartmentParams,
    options?: RequestOptions,
  ): APIPromise<Models.Department> {
    return this.client.request<Models.Department>(
      {
        method: "GET",
        path: this.client.buildPath("/departments/{department_id}", {
          department_id: params.departmentId,
        }),
        query: [
          { name: "depth", value: params.depth, style: "form", explode: true },
        ],
        responseKind: "json",
      },
      options,
    );
  }
}
