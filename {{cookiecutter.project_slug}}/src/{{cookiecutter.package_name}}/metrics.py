"""Forecast accuracy measures in plain Python, as an example of tested project code.

Replace them with your own functions; keep each one small, documented with an
``Examples`` section (run as a test by ``nox -s tests``) and covered by ``tests/``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def _require_same_length(first: Sequence[float], second: Sequence[float], names: str) -> None:
    if not first:
        message = f"{names} must not be empty"
        raise ValueError(message)
    if len(first) != len(second):
        message = f"{names} must have the same length, got {len(first)} and {len(second)}"
        raise ValueError(message)


def mean_absolute_percentage_error(actual: Sequence[float], predicted: Sequence[float]) -> float:
    """Average of ``|actual - predicted| / |actual|``, as a fraction (0.1 means 10 %).

    Args:
        actual: Observed values. None may be zero: the error is relative to them.
        predicted: Forecast values, in the same order as ``actual``.

    Returns:
        The mean absolute percentage error.

    Raises:
        ValueError: If the sequences are empty or differ in length, or if ``actual``
            holds a zero.

    Examples:
        >>> mean_absolute_percentage_error([100, 200], [110, 180])
        0.1
    """
    _require_same_length(actual, predicted, "actual and predicted")
    if any(value == 0 for value in actual):
        message = "actual must not contain zeros: the percentage error is undefined there"
        raise ValueError(message)
    errors = (abs(a - p) / abs(a) for a, p in zip(actual, predicted, strict=True))
    return math.fsum(errors) / len(actual)


def weighted_mean(values: Sequence[float], weights: Sequence[float]) -> float:
    """Mean of ``values`` where each counts as much as its weight.

    Args:
        values: The numbers to average.
        weights: One non-negative weight per value; they need not sum to one.

    Returns:
        ``sum(value * weight) / sum(weight)``.

    Raises:
        ValueError: If the sequences are empty or differ in length, if a weight is
            negative, or if the weights sum to zero.

    Examples:
        >>> weighted_mean([1.0, 2.0, 4.0], [1, 1, 2])
        2.75
    """
    _require_same_length(values, weights, "values and weights")
    if any(weight < 0 for weight in weights):
        message = "weights must not be negative"
        raise ValueError(message)
    total = math.fsum(weights)
    if total == 0:
        message = "weights must not all be zero"
        raise ValueError(message)
    return math.fsum(v * w for v, w in zip(values, weights, strict=True)) / total
