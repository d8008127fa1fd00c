"""Tests of the example metrics: what they compute and which inputs they refuse."""

import math

import pytest

from {{ cookiecutter.package_name }}.metrics import (
    mean_absolute_percentage_error,
    weighted_mean,
)


def test_mape_is_the_mean_of_relative_errors() -> None:
    assert mean_absolute_percentage_error([100, 50, 10], [90, 60, 10]) == pytest.approx(0.1)


def test_mape_ignores_the_sign_of_actual_values() -> None:
    assert mean_absolute_percentage_error([-20.0], [-25.0]) == pytest.approx(0.25)


def test_perfect_forecast_has_zero_error() -> None:
    assert mean_absolute_percentage_error([3.0, 4.0], [3.0, 4.0]) == 0


@pytest.mark.parametrize(
    ("actual", "predicted", "message"),
    [
        ([], [], "must not be empty"),
        ([1.0, 2.0], [1.0], "same length"),
        ([1.0, 0.0], [1.0, 1.0], "zeros"),
    ],
)
def test_mape_refuses_inputs_without_a_meaning(
    actual: list[float], predicted: list[float], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        mean_absolute_percentage_error(actual, predicted)


def test_weighted_mean_counts_each_value_by_its_weight() -> None:
    assert weighted_mean([10.0, 20.0], [3.0, 1.0]) == pytest.approx(12.5)


def test_equal_weights_give_the_plain_mean() -> None:
    values = [0.1] * 10
    assert weighted_mean(values, [1] * 10) == pytest.approx(math.fsum(values) / 10)


def test_zero_weight_leaves_a_value_out() -> None:
    assert weighted_mean([1.0, 1000.0], [1.0, 0.0]) == 1.0


@pytest.mark.parametrize(
    ("values", "weights", "message"),
    [
        ([], [], "must not be empty"),
        ([1.0], [1.0, 2.0], "same length"),
        ([1.0, 2.0], [1.0, -1.0], "negative"),
        ([1.0, 2.0], [0.0, 0.0], "all be zero"),
    ],
)
def test_weighted_mean_refuses_inputs_without_a_meaning(
    values: list[float], weights: list[float], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        weighted_mean(values, weights)
