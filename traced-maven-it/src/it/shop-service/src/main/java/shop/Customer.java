package shop;

import lombok.Value;

@Value
public class Customer {
  String id;
  boolean member;
}
