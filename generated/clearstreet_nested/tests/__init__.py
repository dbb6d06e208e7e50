# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
