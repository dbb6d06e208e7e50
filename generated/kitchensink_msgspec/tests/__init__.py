# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
